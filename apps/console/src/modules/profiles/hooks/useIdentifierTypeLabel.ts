import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownIdentifierType } from '../identifiers.ts';

/** The translated name of an identifier type; custom types show their own name. */
export function useIdentifierTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (type: string) => (isKnownIdentifierType(type) ? t(`profiles.identifierType.${type}`) : type),
    [t],
  );
}
