import { AppError } from '../../../../platform/errors.ts';

/** Details carried by EXPRESSION_SYNTAX and EXPRESSION_EVALUATION errors. */
export interface ExpressionErrorDetails {
  /** 0-based character offset into the expression source. */
  position: number;
  zh: string;
  en: string;
}

export function syntaxError(position: number, en: string, zh: string): AppError {
  const details: ExpressionErrorDetails = { position, zh, en };
  return new AppError('EXPRESSION_SYNTAX', details, `${en} at position ${position}`);
}

export function evaluationError(position: number, en: string, zh: string): AppError {
  const details: ExpressionErrorDetails = { position, zh, en };
  return new AppError('EXPRESSION_EVALUATION', details, `${en} at position ${position}`);
}

/** The position and sentences of an expression error, or undefined for any other error. */
export function expressionErrorDetails(error: unknown): ExpressionErrorDetails | undefined {
  if (error instanceof AppError && (error.code === 'EXPRESSION_SYNTAX' || error.code === 'EXPRESSION_EVALUATION')) {
    return error.details as ExpressionErrorDetails;
  }
  return undefined;
}
