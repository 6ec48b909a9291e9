import { ClearOutlined, PauseCircleOutlined, PlayCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MESSAGE_TYPES } from '../../../api/protocol.ts';

interface Props {
  readonly type: string | undefined;
  readonly onTypeChange: (type: string | undefined) => void;
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  readonly paused: boolean;
  readonly onPausedChange: (paused: boolean) => void;
  readonly pendingCount: number;
  readonly onClear: () => void;
}

export function EventToolbar(props: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Select<string>
        data-testid="debugger-type"
        style={{ width: 150 }}
        allowClear
        placeholder={t('debugger.allTypes')}
        value={props.type}
        onChange={(v) => props.onTypeChange(v || undefined)}
        options={MESSAGE_TYPES.map((type) => ({ value: type, label: type }))}
      />
      <Input
        data-testid="debugger-filter"
        prefix={<SearchOutlined />}
        style={{ width: 220 }}
        allowClear
        placeholder={t('debugger.eventFilter')}
        value={props.text}
        onChange={(e) => props.onTextChange(e.target.value)}
      />
      <Button
        data-testid="debugger-pause"
        icon={props.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
        type={props.paused ? 'primary' : 'default'}
        onClick={() => props.onPausedChange(!props.paused)}
      >
        {props.paused ? t('debugger.resume') : t('debugger.pause')}
      </Button>
      <Button icon={<ClearOutlined />} onClick={props.onClear}>
        {t('debugger.clear')}
      </Button>
      {props.paused ? (
        <Typography.Text type="warning">
          {t('debugger.pausedPending', { count: props.pendingCount })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
