// Form rules shared by more than one screen.
import type { FormRule } from 'antd';

/** A "type it again" field: must equal the value of `field` (the confirmation of a new password). */
export const sameAs = (field: string, message: string): FormRule => ({ getFieldValue }) => ({
  validator: async (_rule, value?: string) => {
    if (value && value !== getFieldValue(field)) throw new Error(message);
  },
});
