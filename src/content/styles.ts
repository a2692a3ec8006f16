// Styles for the in-page controls, close to XNAT's own small buttons so they sit naturally in its table.

const FONT = 'font: 12px/1.4 Arial, Helvetica, sans-serif;';

export const COPY_CSS = `
:host { display: inline-block; position: relative; margin-right: 10px; vertical-align: middle; }
.group { display: inline-flex; }
button { ${FONT} cursor: pointer; color: #222; background: #f4f6f8; border: 1px solid #a9b2bd; padding: 2px 8px; }
button:hover { background: #e6ebf0; }
button:focus-visible { outline: 2px solid #1a58a8; outline-offset: 1px; }
.main { border-radius: 3px 0 0 3px; font-weight: bold; }
.more { border-left: none; border-radius: 0 3px 3px 0; padding: 2px 5px; }
.menu { position: absolute; z-index: 1000; top: 100%; left: 0; margin-top: 2px; min-width: 260px; background: #fff;
  border: 1px solid #a9b2bd; border-radius: 3px; box-shadow: 0 4px 14px rgba(0,0,0,.2); padding: 4px 0; text-align: left; }
.menu[hidden] { display: none; }
.menu button { display: block; width: 100%; border: none; background: none; text-align: left; padding: 4px 10px; border-radius: 0; }
.menu button:hover, .menu button:focus { background: #eef4fb; }
.menu small { display: block; color: #555; font-weight: normal; }
.status { position: absolute; z-index: 1000; top: 100%; right: 0; margin-top: 2px; white-space: nowrap; ${FONT}
  padding: 3px 8px; border-radius: 3px; background: #2e7d32; color: #fff; }
.status.error { background: #b00020; }
.status:empty { display: none; }
`;

export const COUNTDOWN_CSS = `
:host { display: block; }
span { ${FONT} }
[data-urgency="ok"] { color: #2e6b30; }
[data-urgency="soon"] { color: #8a5300; font-weight: bold; }
[data-urgency="urgent"] { color: #b00020; font-weight: bold; }
[data-urgency="expired"] { color: #666; font-style: italic; }
`;

export const SESSION_CSS = `
:host { display: block; margin: 0 0 8px; }
p { ${FONT} margin: 0; color: #444; }
[data-urgency="urgent"] { color: #b00020; font-weight: bold; }
`;
