import { tokenCss } from '../tokens';

/** The host's Confluence-like chrome, built on the same design tokens the apps use. */
export function hostCss(): string {
  return `${tokenCss()}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.43 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ds-text); background: var(--ds-surface); }
a { color: var(--ds-link); text-decoration: none; }
a:hover { text-decoration: underline; }
.topbar { position: sticky; top: 0; z-index: 10; height: 56px; display: flex; align-items: center; gap: 16px; padding: 0 16px; background: var(--ds-surface); border-bottom: 1px solid var(--ds-border); }
.logo { display: flex; align-items: center; gap: 8px; font-weight: 600; font-size: 16px; color: var(--ds-text); }
.logo svg { width: 24px; height: 24px; }
.topnav { display: flex; gap: 4px; }
.topnav a, .topnav summary { padding: 6px 10px; border-radius: 3px; color: var(--ds-text-subtle); font-weight: 500; cursor: pointer; list-style: none; }
.topnav a:hover, .topnav summary:hover { background: var(--ds-background-neutral-subtle-hovered); text-decoration: none; }
.topnav details { position: relative; }
.topnav details[open] .menu { display: block; }
.menu { display: none; position: absolute; top: 34px; left: 0; min-width: 220px; padding: 6px 0; background: var(--ds-surface-overlay); box-shadow: var(--ds-shadow-overlay); border-radius: 3px; }
.menu a { display: block; padding: 8px 16px; color: var(--ds-text); }
.spacer { flex: 1; }
.topsearch input, .search-page input { padding: 6px 10px; border: 1px solid var(--ds-border); border-radius: 4px; background: var(--ds-surface); color: inherit; min-width: 220px; }
.search-results { padding-left: 20px; } .search-results li { margin: 8px 0; } .search-count, .muted { color: var(--ds-text-subtle, #626f86); }
.icon { flex-shrink: 0; vertical-align: -3px; }
.restricted { display: inline-flex; align-items: center; gap: 4px; }
.host-controls button { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.gear { display: inline-flex; padding: 6px; border-radius: 3px; color: var(--ds-icon); }
.gear:hover { background: var(--ds-background-neutral-subtle-hovered); }
.host-controls { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--ds-text-subtle); }
.host-controls select, .host-controls button { font: inherit; color: var(--ds-text); background: var(--ds-background-input); border: 1px solid var(--ds-border-input); border-radius: 3px; padding: 4px 6px; }
.local-badge { padding: 2px 6px; border-radius: 3px; background: var(--ds-background-discovery); color: var(--ds-text-discovery); font-weight: 600; }
.shell { display: flex; min-height: calc(100% - 56px); }
.sidebar { width: 240px; flex-shrink: 0; padding: 16px 8px; border-right: 1px solid var(--ds-border); background: var(--ds-surface); }
.sidebar h2 { display: flex; align-items: center; gap: 8px; margin: 0 8px 16px; font-size: 14px; }
.space-icon { width: 24px; height: 24px; border-radius: 3px; display: inline-flex; align-items: center; justify-content: center; color: #fff; font-size: 11px; font-weight: 700; background: #1D7AFC; }
.sidebar h3 { margin: 16px 8px 4px; font-size: 11px; text-transform: uppercase; color: var(--ds-text-subtlest); letter-spacing: .03em; }
.sidebar a { display: flex; align-items: center; gap: 6px; padding: 4px 8px; border-radius: 3px; color: var(--ds-text-subtle); overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.sidebar a:hover { background: var(--ds-background-neutral-subtle-hovered); text-decoration: none; }
.sidebar a.active { background: var(--ds-background-selected); color: var(--ds-text-selected); }
.main { flex: 1; min-width: 0; padding: 24px 48px 64px; }
.main.narrow { max-width: 420px; margin: 0 auto; padding: 16px; }
.breadcrumbs { font-size: 12px; color: var(--ds-text-subtlest); margin-bottom: 8px; }
.breadcrumbs a { color: var(--ds-text-subtlest); }
h1.page-title { font-size: 28px; font-weight: 500; margin: 0 0 8px; letter-spacing: -0.01em; }
.byline { display: flex; align-items: center; flex-wrap: wrap; gap: 12px; margin: 0 0 24px; color: var(--ds-text-subtlest); font-size: 12px; position: relative; }
.avatar { width: 24px; height: 24px; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; color: #fff; font-size: 10px; font-weight: 700; background: #6554C0; }
.byline-item { display: inline-flex; align-items: center; gap: 4px; padding: 2px 6px; border: none; border-radius: 3px; font: inherit; color: var(--ds-text-subtle); background: var(--ds-background-neutral); cursor: pointer; }
.byline-item:hover { background: var(--ds-background-neutral-hovered); }
.byline-item[data-state="loading"] .byline-label { opacity: .6; }
.restricted { color: var(--ds-text-danger); }
.page-body { max-width: 760px; font-size: 16px; line-height: 1.714; }
.page-body p { margin: 0 0 12px; }
.macro-frame { display: block; width: 100%; border: 0; min-height: 32px; margin: 8px 0 16px; background: transparent; }
.background-frame { position: absolute; width: 0; height: 0; border: 0; visibility: hidden; }
.module-frame { display: block; width: 100%; border: 0; min-height: 480px; background: transparent; }
.notice { padding: 12px 16px; margin-bottom: 16px; border-radius: 3px; background: var(--ds-background-warning); color: var(--ds-text); }
.notice.info { background: var(--ds-background-information); }
.modal-backdrop { position: fixed; inset: 0; z-index: 100; display: flex; align-items: flex-start; justify-content: center; padding-top: 60px; background: var(--ds-blanket); }
.modal { display: flex; flex-direction: column; width: min(800px, 92vw); height: min(640px, 84vh); background: var(--ds-surface-overlay); border-radius: 3px; box-shadow: var(--ds-shadow-overlay); overflow: hidden; }
.modal.size-small { width: min(400px, 92vw); height: min(320px, 84vh); }
.modal.size-medium { width: min(600px, 92vw); height: min(480px, 84vh); }
.modal.size-xlarge { width: min(968px, 96vw); height: min(760px, 90vh); }
.modal iframe, .popup iframe { flex: 1; width: 100%; border: 0; background: transparent; }
.popup-anchor { position: absolute; top: 28px; left: 0; z-index: 50; }
.popup { display: flex; width: 420px; height: 360px; background: var(--ds-surface-overlay); box-shadow: var(--ds-shadow-overlay); border-radius: 3px; overflow: hidden; }
.card-list { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px; }
.card { padding: 16px; border: 1px solid var(--ds-border); border-radius: 3px; background: var(--ds-surface-raised); box-shadow: var(--ds-shadow-raised); }
.card h3 { margin: 8px 0 4px; font-size: 16px; }
.card p { margin: 0; color: var(--ds-text-subtle); }
table.list { border-collapse: collapse; width: 100%; max-width: 900px; }
table.list th, table.list td { text-align: left; padding: 8px; border-bottom: 1px solid var(--ds-border); }
table.list th { color: var(--ds-text-subtlest); font-size: 12px; font-weight: 600; }
.lozenge { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px; font-weight: 700; text-transform: uppercase; background: var(--ds-background-neutral); color: var(--ds-text-subtle); }
#flags { position: fixed; left: 24px; bottom: 24px; z-index: 200; display: flex; flex-direction: column; gap: 8px; }
.flag { display: flex; gap: 12px; align-items: flex-start; width: 400px; padding: 16px; border-radius: 3px; background: var(--ds-surface-overlay); box-shadow: var(--ds-shadow-overlay); }
.flag p { margin: 4px 0 0; color: var(--ds-text-subtle); }
.flag-icon { width: 20px; height: 20px; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; font-size: 12px; font-weight: 700; color: #fff; background: var(--ds-icon-information); flex-shrink: 0; }
.flag-success .flag-icon { background: var(--ds-icon-success); }
.flag-error .flag-icon { background: var(--ds-icon-danger); }
.flag-warning .flag-icon { background: var(--ds-icon-warning); }
.flag-close { margin-left: auto; border: 0; background: none; color: var(--ds-text-subtle); font-size: 18px; cursor: pointer; }
.edit-link { float: right; margin-top: -40px; padding: 4px 12px; border: 1px solid var(--ds-border); border-radius: 3px; color: var(--ds-text); text-decoration: none; }
.editor-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 0 16px; border-bottom: 1px solid var(--ds-border); margin-bottom: 16px; }
.editor-toolbar button, .editor-macro__bar button { padding: 4px 12px; border: 1px solid var(--ds-border); border-radius: 3px; background: var(--ds-surface-raised); color: var(--ds-text); cursor: pointer; }
.editor-close { margin-left: auto; }
.editor-macro { border: 1px dashed var(--ds-border-bold, #758195); border-radius: 3px; padding: 4px 8px; margin: 8px 0 16px; }
.editor-macro__bar { display: flex; justify-content: space-between; align-items: center; font-size: 12px; color: var(--ds-text-subtle); }
.main.portal { padding: 0; }
.portal-header { height: 120px; display: flex; align-items: center; padding: 0 48px; background: #0747A6; color: #fff; font-size: 22px; font-weight: 600; }
.portal-main { max-width: 800px; margin: -32px auto 48px; padding: 32px 40px; background: var(--ds-surface-raised); box-shadow: var(--ds-shadow-raised); border-radius: 3px; }
`;
}
