/**
 * One row of tabs over one panel: Atlassian's Tabs (@atlaskit/tabs), controlled by the caller's state.
 * Keyboard as ADS does it: Tab reaches the selected tab, Left/Right move to (and select) the previous
 * or next tab, Home/End the first or last; Tab again moves into the panel.
 *
 * Only the selected panel is rendered (`shouldUnmountTabPanelOnChange`): a panel asks the server for its
 * data when it mounts, so hidden panels would fetch for nothing. ADS's tab list takes no name of its
 * own; the list is named here (`label`) so several tab rows on one page can be told apart.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

export interface TabsBarProps<K extends string> {
  /** Prefix of the tabs' and panels' ids (ADS requires one). */
  id: string;
  /** The tab list's accessible name, e.g. "Tables". */
  label: string;
  tabs: ReadonlyArray<TabItem<K>>;
  selected: K;
  onChange: (key: K) => void;
  /** The selected tab's panel. */
  children: ReactNode;
}

export function TabsBar<K extends string>({ id, label, tabs, selected, onChange, children }: TabsBarProps<K>) {
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    root.current?.querySelector('[role="tablist"]')?.setAttribute('aria-label', label);
  }, [label]);
  const index = Math.max(0, tabs.findIndex((tab) => tab.key === selected));
  return (
    <div ref={root} className="vt-tabs" data-tabs={id}>
      <Tabs id={id} selected={index} shouldUnmountTabPanelOnChange onChange={(next) => { const tab = tabs[next]; if (tab) onChange(tab.key); }}>
        <TabList>
          {tabs.map((tab) => <Tab key={tab.key}>{tab.label}</Tab>)}
        </TabList>
        {tabs.map((tab, at) => (
          <TabPanel key={tab.key}>
            <div className="vt-tabs__panel">{at === index ? children : null}</div>
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
