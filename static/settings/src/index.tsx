import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import './settings.css';
import { mountApp } from '../../shared/mount';
import { ErrorState } from '../../shared/components/states';
import { SettingsApp } from './settings-app';

mountApp(
  <SettingsApp />,
  <div className="vt-page vt-page--narrow">
    <ErrorState error={{ code: 'internal', message: 'The settings page hit an unexpected error. Reload the page to try again.' }} />
  </div>,
);
