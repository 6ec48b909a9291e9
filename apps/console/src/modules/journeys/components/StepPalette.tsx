import { Button, Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { STEP_KINDS, type StepKind } from '../steps.ts';
import { STEP_ICONS } from './StepNodes.tsx';

/** Buttons adding a step of each kind; the new step follows the selected node. */
export function StepPalette({ onAdd }: { readonly onAdd: (kind: StepKind) => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('journeys.editor.paletteHint')} placement="topLeft">
      <Flex gap={6} wrap data-testid="journey-palette">
        {STEP_KINDS.map((kind) => (
          <Button
            key={kind}
            size="small"
            icon={STEP_ICONS[kind].icon}
            style={{ borderColor: STEP_ICONS[kind].color, color: STEP_ICONS[kind].color }}
            data-testid={`journey-add-${kind}`}
            onClick={() => onAdd(kind)}
          >
            {t(`journeys.kinds.${kind}`)}
          </Button>
        ))}
      </Flex>
    </Tooltip>
  );
}
