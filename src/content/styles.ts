// Styles for the in-page controls, close to XNAT's own small buttons so they sit naturally in its
// table: 12px text, controls at least 24px high, borders that hold 3:1 against XNAT's white. Text
// styles inherit into a shadow root, so the menu undoes the table cell's nowrap itself.

const FONT = 'font: 12px/1.4 Arial, Helvetica, sans-serif;';

export const COPY_CSS = `
:host { display: inline-block; position: relative; margin-right: 10px; vertical-align: middle; contain: style; }
.group { display: inline-flex; }
button { ${FONT} cursor: pointer; color: #222; background: #f4f6f8; border: 1px solid #767f8a; padding: 2px 8px;
  min-height: 24px; min-width: 24px; }
button:hover { background: #e6ebf0; }
button:focus-visible { outline: 2px solid #1a58a8; outline-offset: 1px; }
button:disabled { cursor: progress; opacity: .7; }
.main { border-radius: 3px 0 0 3px; font-weight: bold; }
.more { border-left: none; border-radius: 0 3px 3px 0; padding: 2px 6px; }
.bell { margin-left: 4px; border-radius: 3px; padding: 2px 4px; line-height: 0; }
.bell svg { width: 16px; height: 16px; fill: none; stroke: #444; stroke-width: 1.6; }
.bell[aria-pressed="true"] { border-color: #1a58a8; background: #eef4fb; }
.bell[aria-pressed="true"] svg { fill: #1a58a8; stroke: #1a58a8; }
.menu { position: absolute; z-index: 1000; top: 100%; left: 0; margin-top: 2px; width: 300px; background: #fff;
  border: 1px solid #767f8a; border-radius: 3px; box-shadow: 0 4px 14px rgba(0,0,0,.2); padding: 4px 0; text-align: left;
  overflow-y: auto; box-sizing: border-box; white-space: normal; }
.menu.above { top: auto; bottom: 100%; margin: 0 0 2px; }
.menu[hidden] { display: none; }
.menu button { display: block; width: 100%; border: none; background: none; text-align: left; padding: 4px 10px; border-radius: 0; }
.menu button[data-format="alias"], .menu button[data-action="replace"] { border-top: 1px solid #d8dee5; }
.menu button:hover, .menu button:focus { background: #eef4fb; }
.menu small { display: block; color: #505a64; font-weight: normal; }
`;

/**
 * The lines under XNAT's date and alias never widen their column (inline-size containment): they
 * wrap within the width XNAT's own text gives it, so text that changes or arrives later leaves the
 * table's columns alone (decorate.ts says why).
 */
const IN_CELL = ':host { display: block; contain: inline-size; overflow-wrap: anywhere; }';

export const COUNTDOWN_CSS = `
${IN_CELL}
span { ${FONT} }
[data-urgency="ok"] { color: #2e6b30; }
[data-urgency="soon"] { color: #8a5300; font-weight: bold; }
[data-urgency="urgent"] { color: #b00020; font-weight: bold; }
[data-urgency="expired"] { color: #555; font-style: italic; }
`;

/** The container that holds a token, under its alias. */
export const HELD_CSS = `
${IN_CELL}
span { ${FONT} color: #505a64; }
span:empty { display: none; }
`;

/** The lines above XNAT's table: the web session's end, and what the last copy did. */
export const NOTICE_CSS = `
:host { display: block; margin: 0 0 8px; }
p { ${FONT} margin: 0 0 2px; color: #444; }
p:empty { display: none; }
[data-urgency="urgent"], .error { color: #b00020; font-weight: bold; }
.ok { color: #2e6b30; font-weight: bold; }
`;
