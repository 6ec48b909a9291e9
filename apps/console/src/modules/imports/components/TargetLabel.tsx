import { useTranslation } from 'react-i18next';
import type { ColumnTarget } from '../mapping.ts';

/** "标识：phone", "属性：name" … */
export function useTargetLabel(): (target: ColumnTarget) => string {
  const { t } = useTranslation();
  return (target) => {
    if ('identifier' in target) return t('imports.targets.identifier', { name: target.identifier });
    if ('trait' in target) return t('imports.targets.trait', { name: target.trait });
    if ('field' in target) return t('imports.targets.field', { name: target.field });
    return t('imports.targets.property', { name: target.property });
  };
}
