import { mountApp } from '../../shared/mount';
mountApp(<div />, null);
