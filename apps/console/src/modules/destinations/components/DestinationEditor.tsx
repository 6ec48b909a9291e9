import type { Destination, DestinationTypeInfo, Purpose } from '@cdp/protocol';
import { Affix, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { showsField } from '../configValues.ts';
import {
  configShape,
  createBody,
  type DestinationForm,
  formFromDestination,
  newDestinationForm,
  updateBody,
} from '../destinationForm.ts';
import { DESTINATION_FIELDS, itemProblem, problemOf } from '../fieldErrors.ts';
import { useSaveDestination, useTestDestination } from '../hooks/useDestinations.ts';
import { PURPOSES } from '../options.ts';
import { TypeLabel } from './DestinationBadges.tsx';
import { SchemaFields } from './SchemaFields.tsx';
import { TestResult, TestSendButton } from './TestSend.tsx';

/** The common settings' inputs (the config's are found through its shape). */
const SETTINGS: ReadonlySet<string> = new Set([
  'name',
  'purposes',
  'concurrency',
  'ratePerSecond',
  'retryHours',
]);

interface Props {
  readonly type: DestinationTypeInfo;
  readonly destination?: Destination;
  /** creating: go back to the type picker */
  readonly onChangeType?: () => void;
}

/** Name, purposes, the type's config (rendered from its JSON Schema) and delivery limits; save and test. */
export function DestinationEditor({ type, destination, onChangeType }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const shape = useMemo(() => configShape(type), [type]);
  const [form, setForm] = useState<DestinationForm>(() =>
    destination ? formFromDestination(destination, shape) : newDestinationForm(type, shape),
  );
  const [nameMissing, setNameMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = useSaveDestination(destination?.id ?? null);
  const test = useTestDestination();
  const problem = problemOf(error, DESTINATION_FIELDS);
  // an error on a field this form shows goes next to it; any other above the save button
  const pinned =
    problem !== null &&
    (SETTINGS.has(problem.field.split('.')[0]) || showsField(shape, form.config, problem.field));
  const patch = (next: Partial<DestinationForm>) => setForm((f) => ({ ...f, ...next }));

  const onSave = () => {
    if (form.name.trim() === '') return setNameMissing(true);
    const body = destination ? updateBody(form, shape) : createBody(type.type, form, shape);
    save.mutate(body, {
      onSuccess: (saved) => {
        message.success(t('destinations.editor.saved'));
        navigate(`/destinations/${saved.id}`);
      },
      onError: setError,
    });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Form layout="vertical" component="div">
          <Card title={t('destinations.editor.basics')} style={{ marginBottom: 16 }}>
            <Form.Item
              label={t('destinations.editor.name')}
              required
              {...(nameMissing
                ? { validateStatus: 'error' as const, help: t('destinations.editor.nameRequired') }
                : itemProblem(problem, 'name'))}
            >
              <Input
                data-testid="destination-name"
                maxLength={200}
                placeholder={t('destinations.editor.namePlaceholder')}
                value={form.name}
                onChange={(e) => {
                  setNameMissing(false);
                  patch({ name: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item
              label={t('destinations.editor.purposes')}
              extra={t('destinations.editor.purposesHint')}
              style={{ marginBottom: 0 }}
              {...itemProblem(problem, 'purposes')}
            >
              <Select<Purpose[]>
                data-testid="destination-purposes"
                mode="multiple"
                value={[...form.purposes]}
                onChange={(purposes) => patch({ purposes })}
                options={PURPOSES.map((p) => ({ value: p, label: t(`destinations.purposes.${p}`) }))}
              />
            </Form.Item>
          </Card>
          <Card
            title={
              <Flex gap={8} align="center">
                {t('destinations.editor.config')}
                <TypeLabel type={type.type} info={type} />
              </Flex>
            }
            extra={
              onChangeType ? (
                <Button size="small" data-testid="destination-change-type" onClick={onChangeType}>
                  {t('destinations.editor.changeType')}
                </Button>
              ) : null
            }
            style={{ marginBottom: 16 }}
            data-testid="destination-config"
          >
            <SchemaFields
              shape={shape}
              values={form.config}
              onChange={(config) => patch({ config })}
              path="config"
              problem={problem}
              secretsSet={destination?.secretsSet}
            />
          </Card>
          <Card title={t('destinations.editor.limits')} style={{ marginBottom: 16 }}>
            <Flex gap={24} wrap>
              <Form.Item
                label={t('destinations.editor.concurrency')}
                {...itemProblem(problem, 'concurrency')}
              >
                <InputNumber<number>
                  data-testid="destination-concurrency"
                  min={1}
                  max={200}
                  precision={0}
                  value={form.concurrency}
                  onChange={(v) => patch({ concurrency: v ?? 1 })}
                />
              </Form.Item>
              <Form.Item
                label={t('destinations.editor.ratePerSecond')}
                {...itemProblem(problem, 'ratePerSecond')}
              >
                <InputNumber<number>
                  data-testid="destination-rate"
                  min={1}
                  max={100_000}
                  precision={0}
                  placeholder={t('destinations.editor.unlimited')}
                  value={form.ratePerSecond}
                  onChange={(v) => patch({ ratePerSecond: v })}
                />
              </Form.Item>
              <Form.Item
                label={t('destinations.editor.retryHours')}
                extra={t('destinations.editor.retryHoursHint')}
                {...itemProblem(problem, 'retryHours')}
              >
                <InputNumber<number>
                  data-testid="destination-retry-hours"
                  min={0}
                  max={72}
                  value={form.retryHours}
                  onChange={(v) => patch({ retryHours: v ?? 0 })}
                />
              </Form.Item>
            </Flex>
          </Card>
        </Form>
      </Col>
      <Col xs={24} xl={8}>
        <Affix offsetTop={16}>
          <Flex vertical gap={16}>
            {error !== null && !pinned ? <ErrorAlert error={error} /> : null}
            <TestResult test={test} />
            <Flex gap={8} justify="flex-end" wrap>
              {destination ? <TestSendButton test={test} destinationId={destination.id} /> : null}
              <Button
                onClick={() => navigate(destination ? `/destinations/${destination.id}` : '/destinations')}
              >
                {t('common.cancel')}
              </Button>
              <Button type="primary" data-testid="destination-save" loading={save.isPending} onClick={onSave}>
                {t('destinations.editor.save')}
              </Button>
            </Flex>
          </Flex>
        </Affix>
      </Col>
    </Row>
  );
}
