import type { CreateSourceBody, Source } from '@cdp/protocol';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SOURCE_TYPES } from '../../../api/protocol.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useCreateSource } from '../hooks/useSources.ts';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated?: (source: Source) => void;
}

export function CreateSourceModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<CreateSourceBody>();
  const create = useCreateSource();

  const onFinish = (values: CreateSourceBody): void => {
    create.mutate(
      { name: values.name.trim(), type: values.type },
      {
        onSuccess: (source) => {
          message.success(t('sources.created', { name: source.name }));
          form.resetFields();
          onClose();
          onCreated?.(source);
        },
        onError: (err) => message.error(describe(err)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('sources.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          data-testid="source-create-submit"
          loading={create.isPending}
          onClick={() => form.submit()}
        >
          {t('sources.submitCreate')}
        </Button>,
      ]}
    >
      <Form<CreateSourceBody>
        form={form}
        layout="vertical"
        initialValues={{ type: 'web' }}
        onFinish={onFinish}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('sources.name')}
          rules={[
            { required: true, whitespace: true, message: t('sources.nameRequired') },
            { max: 100, message: t('sources.nameTooLong') },
          ]}
        >
          <Input
            data-testid="source-name"
            placeholder={t('sources.namePlaceholder')}
            autoFocus
            maxLength={100}
            onPressEnter={() => form.submit()}
          />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('sources.type')}
          rules={[{ required: true, message: t('sources.typeRequired') }]}
        >
          <Select
            data-testid="source-type"
            options={SOURCE_TYPES.map((type) => ({ value: type, label: t(`sourceType.${type}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
