import { useTranslation } from 'react-i18next';
import zhCN from '../../../i18n/zh-CN.ts';
import { humanise } from '../schemaFields.ts';

type FieldName = keyof typeof zhCN.destinations.fields;
type OptionName = keyof typeof zhCN.destinations.options;
const isFieldName = (n: string): n is FieldName => Object.hasOwn(zhCN.destinations.fields, n);
const isOptionName = (n: string): n is OptionName => Object.hasOwn(zhCN.destinations.options, n);

/**
 * Labels of config fields and enum values: translated when i18n knows the name
 * (`destinations.fields.<name>`, `destinations.options.<value>`), else a humanised field name or
 * the raw value, so a new destination type still reads sensibly.
 */
export function useSchemaLabels() {
  const { t } = useTranslation();
  return {
    field: (name: string) => (isFieldName(name) ? t(`destinations.fields.${name}`) : humanise(name)),
    option: (value: string) => (isOptionName(value) ? t(`destinations.options.${value}`) : value),
  };
}
