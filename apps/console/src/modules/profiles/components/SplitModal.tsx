import type { Profile } from '@cdp/protocol';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { evidenceText } from '../evidence.ts';
import { useIdentifierTypeLabel } from '../hooks/useIdentifierTypeLabel.ts';
import { type SplitOutcome, useSplitProfile } from '../hooks/useProfiles.ts';
import type { SplitTarget } from '../split.ts';

interface Props {
  readonly profile: Pick<Profile, 'id' | 'identifiers'>;
  /** Open when set. */
  readonly target: SplitTarget | null;
  readonly sourceNames: ReadonlyMap<string, string>;
  readonly onClose: () => void;
  readonly onDone: (outcome: SplitOutcome) => void;
}

interface Values {
  readonly reason: string;
}

/** Confirms a split (retract an identifier or a link's evidence) and asks why, for the audit trail. */
export function SplitModal({ profile, target, sourceNames, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const typeLabel = useIdentifierTypeLabel();
  const [form] = Form.useForm<Values>();
  const split = useSplitProfile();

  const onFinish = (values: Values): void => {
    if (!target) return;
    split.mutate(
      { profile, target, reason: values.reason },
      {
        onSuccess: (outcome) => {
          onClose();
          onDone(outcome);
        },
        onError: (err) => message.error(describe(err)),
      },
    );
  };

  const title =
    target?.kind === 'identifier'
      ? t('profiles.split.identifierTitle', {
          identifier: `${typeLabel(target.identifier.type)} ${target.identifier.value}`,
        })
      : target?.kind === 'evidence'
        ? t('profiles.split.evidenceTitle', { evidence: evidenceText(target.evidenceId, sourceNames) })
        : '';

  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('profiles.split.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: split.isPending, 'data-testid': 'split-confirm' }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          target?.kind === 'evidence'
            ? 'profiles.split.evidenceDescription'
            : 'profiles.split.identifierDescription',
        )}
      />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="reason"
          label={t('profiles.split.reason')}
          rules={[{ required: true, whitespace: true, message: t('profiles.split.reasonRequired') }]}
        >
          <Input.TextArea
            data-testid="split-reason"
            autoFocus
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('profiles.split.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
