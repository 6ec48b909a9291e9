import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSources } from '../../sources/hooks/useSources.ts';

interface Props {
  readonly value: string | undefined;
  readonly onChange: (sourceId: string | undefined) => void;
}

export function SourceSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const sources = useSources();
  return (
    <Select<string>
      data-testid="debugger-source"
      style={{ width: 200 }}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('debugger.allSources')}
      value={value}
      loading={sources.isPending}
      onChange={(v) => onChange(v || undefined)}
      options={(sources.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
