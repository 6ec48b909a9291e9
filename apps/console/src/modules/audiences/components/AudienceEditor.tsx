import type { Audience } from '@cdp/protocol';
import { Affix, App, Button, Card, Col, Flex, Form, Input, Row, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import {
  type AudienceDraft,
  buildSource,
  draftFromAudience,
  EMPTY_DRAFT,
  type SourceKind,
} from '../draft.ts';
import { useSaveAudience } from '../hooks/useAudiences.ts';
import { useLiveEstimate } from '../hooks/useLiveEstimate.ts';
import { nodePathOfError } from '../tree.ts';
import { EstimatePanel } from './EstimatePanel.tsx';
import { RuleBuilder } from './RuleBuilder.tsx';
import { CombinationInput, FileSourceInput } from './SourceInputs.tsx';

const KINDS: readonly SourceKind[] = ['rule', 'file', 'combination'];

/** Name, description and source of an audience, with the live estimate beside it; creates or updates. */
export function AudienceEditor({ audience }: { readonly audience?: Audience }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<AudienceDraft>(() =>
    audience ? draftFromAudience(audience) : EMPTY_DRAFT,
  );
  const [nameMissing, setNameMissing] = useState(false);
  const save = useSaveAudience(audience?.id ?? null);
  const source = buildSource(draft);
  const live = useLiveEstimate(source);
  const describe = useDescribeError();
  // the server's objection, pinned on the condition it is about
  const error = live.query.error;
  const invalid = useMemo(() => {
    const path = isApiError(error) ? nodePathOfError(error.path) : null;
    return path && path.length > 0 ? { path, message: describe(error) } : undefined;
  }, [error, describe]);
  const patch = (next: Partial<AudienceDraft>) => setDraft((d) => ({ ...d, ...next }));
  // An edited file audience keeps its identifiers unless new ones are given.
  const keepsFile = audience?.kind === 'file' && draft.kind === 'file' && source === null;

  const onSave = () => {
    if (draft.name.trim() === '') return setNameMissing(true);
    if (source === null && !keepsFile) return void message.error(t('audiences.builder.nothingToSave'));
    // renaming alone must not recompute: send the source only when it changed
    const stored = audience ? JSON.stringify(buildSource(draftFromAudience(audience))) : null;
    const changed = source !== null && JSON.stringify(source) !== stored;
    const body = { name: draft.name.trim(), description: draft.description, ...(changed ? { source } : {}) };
    save.mutate(body, {
      onSuccess: (saved) => {
        message.success(t('audiences.builder.saved'));
        navigate(`/audiences/${saved.id}`);
      },
    });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card style={{ marginBottom: 16 }}>
          <Form layout="vertical">
            <Form.Item
              label={t('audiences.builder.name')}
              required
              validateStatus={nameMissing ? 'error' : undefined}
              help={nameMissing ? t('audiences.builder.nameRequired') : undefined}
            >
              <Input
                data-testid="audience-name"
                maxLength={200}
                placeholder={t('audiences.builder.namePlaceholder')}
                value={draft.name}
                onChange={(e) => {
                  setNameMissing(false);
                  patch({ name: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item label={t('audiences.builder.descriptionLabel')}>
              <Input.TextArea
                data-testid="audience-description"
                rows={2}
                maxLength={2000}
                value={draft.description}
                onChange={(e) => patch({ description: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('audiences.builder.source')} style={{ marginBottom: 0 }}>
              <Segmented<SourceKind>
                data-testid="audience-kind"
                value={draft.kind}
                onChange={(kind) => patch({ kind })}
                options={KINDS.map((k) => ({ value: k, label: t(`audiences.kinds.${k}`) }))}
              />
            </Form.Item>
          </Form>
        </Card>
        <Card data-testid="audience-source">
          {draft.kind === 'rule' ? (
            <RuleBuilder
              root={draft.root}
              onChange={(root) => patch({ root })}
              selfId={audience?.id}
              invalid={invalid}
            />
          ) : null}
          {draft.kind === 'file' ? (
            <FileSourceInput
              value={draft.file}
              onChange={(file) => patch({ file })}
              keptTotal={audience?.kind === 'file' ? (audience.fileIdentifiers?.total ?? 0) : undefined}
            />
          ) : null}
          {draft.kind === 'combination' ? (
            <CombinationInput
              value={draft.combination}
              onChange={(combination) => patch({ combination })}
              selfId={audience?.id}
            />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Affix offsetTop={16}>
          <Flex vertical gap={16}>
            <EstimatePanel source={source} live={live} />
            {save.isError ? <ErrorAlert error={save.error} /> : null}
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => navigate(audience ? `/audiences/${audience.id}` : '/audiences')}>
                {t('common.cancel')}
              </Button>
              <Button type="primary" data-testid="audience-save" loading={save.isPending} onClick={onSave}>
                {t('audiences.builder.save')}
              </Button>
            </Flex>
          </Flex>
        </Affix>
      </Col>
    </Row>
  );
}
