import type { ConditionGroup } from '@cdp/protocol';
import { Typography } from 'antd';
import { RuleBuilder } from '../../audiences/components/RuleBuilder.tsx';
import { nodePathOfError } from '../../audiences/tree.ts';
import { type FieldError, isUnder } from '../fieldErrors.ts';

/** The server's message for a field (or anything inside it); undefined when the error is elsewhere. */
export const messageAt = (problem: FieldError | null, key: string, exact = false): string | undefined =>
  problem && (exact ? problem.field === key : isUnder(problem.field, key)) ? problem.message : undefined;

/** Form.Item props showing the server's message next to a field. */
export const itemProblem = (problem: FieldError | null, key: string, exact = false) => {
  const message = messageAt(problem, key, exact);
  return message === undefined ? {} : { validateStatus: 'error' as const, help: message };
};

/**
 * A definition edited with the audiences' rule builder. An error on one condition is pinned on it;
 * an error on the tree as a whole (e.g. no condition yet) is written under it.
 */
export function DefinitionInput({
  root,
  onChange,
  problem,
  errorKey,
}: {
  readonly root: ConditionGroup;
  readonly onChange: (root: ConditionGroup) => void;
  readonly problem: FieldError | null;
  /** Where the definition sits in the spec, e.g. `spec.rules.1.definition`. */
  readonly errorKey: string;
}) {
  const message = messageAt(problem, errorKey);
  const path = message === undefined || !problem ? null : nodePathOfError(problem.field);
  const pinned = path !== null && path.length > 0 && message !== undefined;
  return (
    <>
      <RuleBuilder root={root} onChange={onChange} invalid={pinned ? { path, message } : undefined} />
      {message !== undefined && !pinned ? (
        <Typography.Text type="danger" data-testid="field-error" style={{ display: 'block', marginTop: 8 }}>
          {message}
        </Typography.Text>
      ) : null}
    </>
  );
}
