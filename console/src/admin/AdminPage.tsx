import { Link, Route, Switch, useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { AdvisorsAdmin } from './AdvisorsAdmin';
import { DirectionsAdmin } from './DirectionsAdmin';
import { ServicePointsAdmin } from './ServicePointsAdmin';

/** Administration (ADMIN): advisors, service points, regional directions. Nested under /administration. */
export default function AdminPage() {
  const { t } = useI18n();
  const [location] = useLocation();
  const tabs: [string, string][] = [
    ['/conseillers', t('admin.advisors')],
    ['/points-de-services', t('admin.servicePoints')],
    ['/directions', t('admin.directions')],
  ];
  return (
    <Page title={t('admin.title')}>
      <nav className="sub-nav" aria-label={t('admin.title')}>
        <ul>
          {tabs.map(([href, text]) => (
            <li key={href}><Link href={href} aria-current={location === href ? 'page' : undefined}>{text}</Link></li>
          ))}
        </ul>
      </nav>
      <Switch>
        <Route path="/"><AdvisorsAdmin /></Route>
        <Route path="/conseillers"><AdvisorsAdmin /></Route>
        <Route path="/points-de-services"><ServicePointsAdmin /></Route>
        <Route path="/directions"><DirectionsAdmin /></Route>
      </Switch>
    </Page>
  );
}
