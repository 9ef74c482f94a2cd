import { useEffect } from 'react';

/**
 * Prefixes "Error: " to the page title while a form is re-shown with errors (GOV.UK pattern).
 * Remix's meta functions do not see action data, so the page sets it once hydrated; the error
 * summary says the same, and takes focus, without JavaScript.
 */
export function useErrorTitle(hasErrors: boolean): void {
  useEffect(() => {
    if (!hasErrors || document.title.startsWith('Error: ')) return;
    const original = document.title;
    document.title = `Error: ${original}`;
    return () => {
      document.title = original;
    };
  }, [hasErrors]);
}
