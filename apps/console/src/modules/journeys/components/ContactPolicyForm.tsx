import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContactPolicy } from '@cdp/protocol';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { POLICY_CHANNELS } from '../channels.ts';
import { useSaveContactPolicy } from '../hooks/useJourneys.ts';

const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_ROWS = 20;

/** Caps per channel (N messages per D days) and quiet hours per channel, across all journeys. */
export function ContactPolicyForm({ policy }: { readonly policy: ContactPolicy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactPolicy>();
  const save = useSaveContactPolicy();
  const channels = POLICY_CHANNELS.map((c) => ({ value: c, label: t(`journeys.channels.${c}`) }));
  const time = [
    { required: true, message: t('journeys.policy.timeInvalid') },
    { pattern: HOUR_MINUTE, message: t('journeys.policy.timeInvalid') },
  ];
  const channel = <Select style={{ width: 160 }} options={channels} data-testid="policy-channel" />;

  return (
    <Form<ContactPolicy>
      form={form}
      initialValues={policy}
      onFinish={(values) =>
        save.mutate(
          { caps: values.caps ?? [], quietHours: values.quietHours ?? [] },
          { onSuccess: () => void message.success(t('journeys.policy.saved')) },
        )
      }
    >
      <Card size="small" title={t('journeys.policy.caps')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('journeys.policy.capsHelp')}</Typography.Paragraph>
        <Form.List name="caps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} align="baseline" wrap data-testid="policy-cap">
                  <Form.Item name={[name, 'channel']} rules={[{ required: true }]}>
                    {channel}
                  </Form.Item>
                  <span>{t('journeys.policy.every')}</span>
                  <Form.Item name={[name, 'perDays']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={365} precision={0} data-testid="policy-cap-days" />
                  </Form.Item>
                  <span>{t('journeys.policy.daysAtMost')}</span>
                  <Form.Item name={[name, 'max']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={1000} precision={0} data-testid="policy-cap-max" />
                  </Form.Item>
                  <span>{t('journeys.policy.messages')}</span>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('journeys.policy.remove')}
                    onClick={() => remove(name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="policy-add-cap"
                disabled={fields.length >= MAX_ROWS}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => add({ channel: 'all', max: 3, perDays: 7 })}
              >
                {t('journeys.policy.addCap')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('journeys.policy.quietHours')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('journeys.policy.quietHelp')}</Typography.Paragraph>
        <Form.List name="quietHours">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} align="baseline" wrap data-testid="policy-quiet">
                  <Form.Item name={[name, 'channel']} rules={[{ required: true }]}>
                    {channel}
                  </Form.Item>
                  <Form.Item name={[name, 'start']} rules={time}>
                    <Input
                      style={{ width: 90 }}
                      placeholder="22:00"
                      maxLength={5}
                      data-testid="policy-quiet-start"
                    />
                  </Form.Item>
                  <span>—</span>
                  <Form.Item name={[name, 'end']} rules={time}>
                    <Input
                      style={{ width: 90 }}
                      placeholder="08:00"
                      maxLength={5}
                      data-testid="policy-quiet-end"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('journeys.policy.remove')}
                    onClick={() => remove(name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="policy-add-quiet"
                disabled={fields.length >= MAX_ROWS}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => add({ channel: 'sms', start: '22:00', end: '08:00' })}
              >
                {t('journeys.policy.addQuiet')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">
        {t('journeys.policy.save')}
      </Button>
    </Form>
  );
}
