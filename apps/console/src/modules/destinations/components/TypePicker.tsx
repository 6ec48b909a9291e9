import type { DestinationTypeInfo } from '@cdp/protocol';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../options.ts';
import { categoryIcon, useTypeLabel } from './DestinationBadges.tsx';

interface Props {
  readonly types: readonly DestinationTypeInfo[];
  readonly onPick: (type: string) => void;
}

/** The destination types as cards, grouped by category, each with what it can deliver. */
export function TypePicker({ types, onPick }: Props) {
  const { t } = useTranslation();
  const label = useTypeLabel();
  const groups = CATEGORIES.map((category) => ({
    category,
    types: types.filter((x) => x.category === category),
  })).filter((g) => g.types.length > 0);
  return (
    <Flex vertical gap={24} data-testid="destination-type-picker">
      {groups.map((group) => (
        <div key={group.category}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <Flex gap={8} align="center">
              {categoryIcon(group.category)}
              {t(`destinations.categories.${group.category}`)}
            </Flex>
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {group.types.map((type) => (
              <Col key={type.type} xs={24} md={12} xl={8}>
                <Card
                  hoverable
                  size="small"
                  data-testid={`destination-type-${type.type}`}
                  onClick={() => onPick(type.type)}
                  style={{ height: '100%' }}
                >
                  <Flex vertical gap={8}>
                    <Flex gap={8} align="center" style={{ fontSize: 16 }}>
                      {categoryIcon(type.category)}
                      <Typography.Text strong>{label(type)}</Typography.Text>
                    </Flex>
                    <Flex gap={4} wrap align="center">
                      <Typography.Text type="secondary">{t('destinations.editor.accepts')}</Typography.Text>
                      {type.accepts.map((kind) => (
                        <Tag key={kind} style={{ marginInlineEnd: 0 }}>
                          {t(`destinations.kinds.${kind}`)}
                        </Tag>
                      ))}
                    </Flex>
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </Flex>
  );
}
