// XNAT's userProfile.js as far as the extension can notice: after the page loads, the tab set is
// built in script and the profile tab selected, whatever the URL's hash asked for; tabs.js then
// rewrites the hash to #tab=user-profile-tab.
(() => {
  const XNAT = window.XNAT;
  const el = XNAT.el;

  function pane(name, title, body) {
    const content = el('div', { class: 'panel panel-default' }, [
      el('div', { class: 'panel-heading' }, el('h3', { class: 'panel-title', text: title })),
      el('div', { class: 'panel-body' }, body),
    ]);
    return el('div', { class: 'tab-pane', 'data-tab': name }, content);
  }

  function field(label, value) {
    return el('p', {}, [el('label', { text: label }), el('input', { type: 'text', value })]);
  }

  function buildTabSet() {
    const container = document.querySelector('#user-profile-manager');
    const tabs = [
      [
        'user-profile-tab',
        'Edit User Profile',
        pane('user-profile-tab', 'Edit User Profile', [
          field('First name', 'Alice'),
          field('Last name', 'Example'),
          field('Email', 'alice@example.org'),
        ]),
      ],
    ];
    const template = document.querySelector('template#alias-token-panel');
    // XNAT before 1.7.5 has no Manage Alias Tokens tab.
    if (window.xnatSim.tokenTab && template) {
      const body = el('div', { class: 'tab-pane', 'data-tab': 'alias-token-tab' });
      body.append(template.content.cloneNode(true));
      tabs.push(['alias-token-tab', 'Manage Alias Tokens', body]);
    }
    tabs.push([
      'user-cache-tab',
      'Manage Cached Resources',
      pane('user-cache-tab', 'Cache Settings', el('p', { text: 'No cached resources.' })),
    ]);
    const nav = el('ul', { class: 'nav tab-group' });
    const content = el('div', { class: 'xnat-tab-content side pull-right' });
    for (const [name, label, body] of tabs) {
      nav.append(el('li', { class: 'tab', 'data-tab': name }, el('a', { href: `#${name}`, text: label })));
      content.append(body);
    }
    container.replaceChildren(
      el('div', { class: 'xnat-nav-tabs side pull-left' }, nav),
      content,
      el('div', { class: 'clear' }),
    );
    XNAT.ui.tab.activate('user-profile-tab');
    document.dispatchEvent(new Event('xnat-sim:tab-set-built'));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const delay = window.xnatSim.tabSetDelayMs;
    if (delay > 0) setTimeout(buildTabSet, delay);
    else buildTabSet();
  });
})();
