/** One row of the error catalogue: HTTP status and the message per locale. */
export interface ErrorEntry {
  status: number;
  zh: string;
  en: string;
}
