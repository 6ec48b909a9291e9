import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors.ts';

/** Returns a function turning any thrown value into a translated, user-facing sentence. */
export function useDescribeError(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) => {
      const text = errorText(err);
      switch (text.key) {
        case 'errors.server':
        case 'errors.withCode':
          return t(text.key, text.values);
        case 'errors.invalidJson':
          return t(text.key, text.values);
        default:
          return t(text.key);
      }
    },
    [t],
  );
}
