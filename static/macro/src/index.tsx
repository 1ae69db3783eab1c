import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import './macro.css';
import { mountApp } from '../../shared/mount';
import { MacroApp } from './macro-app';

// A broken macro must not draw attention on the page it sits in: the fallback is empty.
mountApp(<MacroApp />, null);
