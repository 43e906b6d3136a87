import type { PeriodInput } from '../../../operations/generated';
import { fiscalYearsSinceDeployment } from '../app/dates';
import { useI18n } from '../i18n/i18n';
import { SelectField } from '../ui/forms';

export const SINCE_DEPLOYMENT = 'depuis-le-deploiement';

/** A fiscal year, or the whole period since the deployment. */
export function periodOf(choice: string): PeriodInput {
  return choice === SINCE_DEPLOYMENT ? { sinceDeployment: true } : { fiscalYear: choice };
}

export function PeriodPicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const years = fiscalYearsSinceDeployment().reverse();
  return (
    <SelectField
      label={t('app.period')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[...years.map((y) => ({ value: y, label: `${t('app.fiscalYear')} ${y}` })), { value: SINCE_DEPLOYMENT, label: t('app.sinceDeployment') }]}
    />
  );
}
