import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  future_timestamp: 'orange',
  ancient_timestamp: 'volcano',
  clock_skew_corrected: 'blue',
  replayed: 'purple',
};

function isKnownFlag(
  flag: string,
): flag is 'future_timestamp' | 'ancient_timestamp' | 'clock_skew_corrected' | 'replayed' {
  return flag in COLORS;
}

/** Event flags as tags; unknown flags are shown as their raw code. */
export function FlagTags({ flags }: { readonly flags: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color={COLORS[flag] ?? 'default'} title={flag} data-testid="event-flag">
          {isKnownFlag(flag) ? t(`flags.${flag}`) : flag}
        </Tag>
      ))}
    </>
  );
}
