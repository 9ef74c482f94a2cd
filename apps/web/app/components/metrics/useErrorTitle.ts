import { useEffect } from 'react';

/**
 * Prefixes "Error: " to the page title while a form is shown with errors (GOV.UK pattern), so
 * screen reader users hear it first. Remix's meta functions cannot see action data, so this is set
 * on the page; the error summary, which takes focus, says the same without JavaScript.
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
