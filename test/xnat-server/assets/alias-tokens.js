// The Manage Alias Tokens table as XNAT's aliasTokens.js builds it: fetched from tokens/show after
// the page loads, newest first, and the whole container emptied and rebuilt after create and delete.
(() => {
  const XNAT = window.XNAT;
  const el = XNAT.el;
  const tokens = {};

  function xhrUrl(path) {
    return `${XNAT.url.rootUrl(path)}?format=json&x=xhr${Math.random().toString(36).slice(2)}`;
  }

  async function getJson(path) {
    const response = await fetch(xhrUrl(path), { credentials: 'same-origin' });
    if (!response.ok) throw new Error(response.statusText || `HTTP ${response.status}`);
    return JSON.parse(await response.text());
  }

  function spacer() {
    return el('i', { class: 'spacer', style: 'display:inline-block;width:10px' });
  }

  function row(token) {
    const tr = el('tr', {
      'data-id': String(token.id),
      'data-alias': token.alias,
      'data-secret': token.secret,
    });
    const expiry = token.estimatedExpirationTime;
    tr.append(
      el(
        'td',
        { class: 'alias' },
        el('a', { class: 'view-alias-token', href: '#!', style: 'font-weight:bold', text: token.alias }),
      ),
      el('td', { class: 'enabled', text: token.enabled ? 'Enabled' : 'Disabled' }),
      el('td', {
        class: 'expiration',
        text: typeof expiry === 'number' ? new Date(expiry).toLocaleString() : String(expiry),
      }),
      el('td', { class: 'ACTIONS center' }, [
        el('button', { type: 'button', class: 'btn btn-sm view-alias-token', text: 'View' }),
        spacer(),
        el('button', {
          type: 'button',
          class: 'btn btn-sm delete-alias-token',
          title: 'Invalidates token and removes it from this table',
          text: 'Delete',
        }),
      ]),
    );
    return tr;
  }

  async function renderAliasTokensTable() {
    const container = document.querySelector('div#alias-token-table-container');
    if (!container) return;
    container.replaceChildren();
    let data;
    try {
      data = await getJson('/data/services/tokens/show');
    } catch {
      container.append(
        el('p', { class: 'error', text: 'An error occurred retrieving your alias tokens from the system.' }),
      );
      return;
    }
    for (const token of data) tokens[token.id] = token;
    const sorted = data.slice().sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1));
    if (!sorted.length) {
      container.append(el('p', { text: "You don't have any alias tokens at this time." }));
      return;
    }
    const head = el(
      'thead',
      {},
      el(
        'tr',
        {},
        [
          ['Alias', 'alias'],
          ['Status', 'enabled'],
          ['Expiration (est.)', 'estimatedExpirationTime'],
          ['Actions', ''],
        ].map(([label, key]) =>
          el('th', key ? { text: label, class: 'sort', 'data-sort': key } : { text: label }),
        ),
      ),
    );
    const body = el('tbody', {}, sorted.map(row));
    const table = el('table', { id: 'alias-token-list-table', class: 'xnat-table data-table' }, [head, body]);
    container.append(el('div', { class: 'data-table-wrapper' }, table));
  }
  XNAT.aliasTokens = { renderAliasTokensTable, list: tokens };

  // XNAT.table.dataTable's sortable headers: a click reorders the existing rows, up or down.
  function sortBy(th) {
    const key = th.getAttribute('data-sort');
    const descending = th.getAttribute('data-order') === 'asc';
    for (const other of th.parentElement.children) other.removeAttribute('data-order');
    th.setAttribute('data-order', descending ? 'desc' : 'asc');
    const body = th.closest('table').tBodies[0];
    const rows = [...body.rows].sort((a, b) => {
      const [x, y] = [tokens[a.getAttribute('data-id')][key], tokens[b.getAttribute('data-id')][key]];
      return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
    });
    body.append(...rows);
  }

  function viewToken(id) {
    const token = tokens[id];
    const table = el(
      'table',
      { class: 'xnat-table compact' },
      el('tr', {}, [el('th', { text: 'Attribute' }), el('th', { text: 'Value' })]),
    );
    for (const [key, value] of Object.entries(token)) {
      table.append(
        el('tr', {}, [
          el('td', {}, el('b', { text: key })),
          el('td', {}, el('code', { text: JSON.stringify(value) })),
        ]),
      );
    }
    XNAT.dialog.open({
      title: `Alias Token ${token.alias}`,
      content: table,
      buttons: [
        { label: 'Close', isDefault: true },
        {
          label: 'Validate Token',
          action: async () => {
            const result = await getJson(`/data/services/tokens/validate/${token.alias}/${token.secret}`);
            XNAT.banner(
              result.valid ? `Token valid for ${result.valid}` : 'This token is invalid or has expired.',
            );
          },
        },
      ],
    });
  }

  document.addEventListener('click', (event) => {
    const target = event.target;
    const sortable = target.closest('#alias-token-list-table th[data-sort]');
    if (sortable) {
      sortBy(sortable);
      return;
    }
    if (target.closest('button#create-alias-token')) {
      event.preventDefault();
      getJson('/data/services/tokens/issue').then(renderAliasTokensTable);
      return;
    }
    const tr = target.closest('#alias-token-list-table tr[data-id]');
    if (!tr) return;
    const id = tr.getAttribute('data-id');
    if (target.closest('.view-alias-token')) {
      event.preventDefault();
      viewToken(id);
    } else if (target.closest('.delete-alias-token')) {
      event.preventDefault();
      XNAT.dialog.open({
        title: 'Confirm Deletion',
        content: [
          el('p', { style: 'font-weight:bold', text: 'Are you sure you want to delete this alias token?' }),
          el('p', {
            text: 'Alias tokens are often generated by pipeline launches. Deleting one could cause a pipeline to fail midstream, or affect other processes. Please continue only if you fully understand the risk.',
          }),
        ],
        buttons: [
          {
            label: 'Confirm Delete',
            isDefault: true,
            action: async (close) => {
              try {
                await getJson(`/data/services/tokens/invalidate/${id}`);
                XNAT.banner('Deleted alias token');
              } catch (error) {
                XNAT.banner(`Error: ${error.message}`);
              }
              close();
              renderAliasTokensTable();
            },
          },
          { label: 'Cancel' },
        ],
      });
    }
  });

  // The legacy page has its container at load; the profile page once its tab set is built.
  document.addEventListener('DOMContentLoaded', () => {
    if (!document.querySelector('#user-profile-manager')) renderAliasTokensTable();
  });
  document.addEventListener('xnat-sim:tab-set-built', renderAliasTokensTable);
})();
