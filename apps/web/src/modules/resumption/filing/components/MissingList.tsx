// 尚缺: what a plan still needs before it can be submitted, grouped by the step that holds it,
// each group a link to its step (in the editor) or plain text (elsewhere).
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_STEPS, stepOf, type PlanStep } from '../helpers';

/** `fiveInPlace.safetyEducation` → 进行一次安全教育; `employeesTotal` → 职工总数. */
export function useMissingLabel(): (path: string) => string {
  const { t } = useTranslation();
  return (path) => {
    const [head, sub] = path.split('.');
    if (head === 'fiveInPlace' && sub) return t(`resumptionFiling.five.${sub as 'specialMeeting'}`, { defaultValue: sub });
    return t(`resumptionFiling.fields.${head as 'employeesTotal'}`, { defaultValue: path });
  };
}

export function MissingList({ missing, onGo, compact }: { missing: readonly string[]; onGo?: (step: PlanStep) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  if (!missing.length) {
    return compact ? null : <Alert type="success" showIcon title={t('resumptionFiling.edit.complete')} style={{ marginTop: 8 }} data-testid="plan-missing-none" />;
  }
  const groups = PLAN_STEPS.map((s) => ({ step: s, items: missing.filter((p) => stepOf(p) === s) })).filter((g) => g.items.length);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: compact ? 0 : 8 }}
      title={t('resumptionFiling.edit.missingTitle', { count: missing.length })}
      description={
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="plan-missing">
          {groups.map((g) => (
            <li key={g.step} data-testid={`plan-missing-${g.step}`}>
              {onGo ? (
                <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onGo(g.step)}>
                  {t(`resumptionFiling.steps.${g.step}`)}
                </Button>
              ) : (
                <Typography.Text strong>{t(`resumptionFiling.steps.${g.step}`)}</Typography.Text>
              )}
              {t('common.colon')}
              {g.items.map(label).join(t('common.listSeparator'))}
            </li>
          ))}
        </ul>
      }
    />
  );
}
