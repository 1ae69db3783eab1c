import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import './config.css';
import { mountApp } from '../../shared/mount';
import { ConfigApp } from './config-app';

mountApp(<ConfigApp />, <p>The configuration could not be shown. Close and try again.</p>);
