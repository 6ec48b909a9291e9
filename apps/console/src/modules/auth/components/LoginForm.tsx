import { LockOutlined, MailOutlined } from '@ant-design/icons';
import type { LoginBody } from '@cdp/protocol';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useLogin } from '../hooks/useAuth.ts';

interface Props {
  readonly onSuccess: () => void;
}

export function LoginForm({ onSuccess }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const login = useLogin();
  const [failure, setFailure] = useState<unknown>(null);

  const onFinish = (values: LoginBody): void => {
    setFailure(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess, onError: setFailure },
    );
  };

  let failureText: string | null = null;
  if (failure) {
    if (isApiError(failure) && failure.status === 401) failureText = t('login.wrongCredentials');
    else if (isApiError(failure) && failure.status === 429) failureText = t('login.tooManyAttempts');
    else failureText = describe(failure);
  }

  return (
    <Form<LoginBody> layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
      {failureText ? (
        <Alert
          type="error"
          showIcon
          title={failureText}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
      <Form.Item
        name="email"
        label={t('login.email')}
        rules={[{ required: true, whitespace: true, message: t('login.emailRequired') }]}
      >
        <Input
          data-testid="login-email"
          prefix={<MailOutlined />}
          inputMode="email"
          autoComplete="username"
          placeholder={t('login.emailPlaceholder')}
          size="large"
          autoFocus
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          data-testid="login-password"
          prefix={<LockOutlined />}
          autoComplete="current-password"
          placeholder={t('login.passwordPlaceholder')}
          size="large"
        />
      </Form.Item>
      <Button
        data-testid="login-submit"
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={login.isPending}
      >
        {t('login.submit')}
      </Button>
    </Form>
  );
}
