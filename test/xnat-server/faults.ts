// Fault injection per path, so tests can show the extension's answer to every way a server breaks.
import type { Ctx } from './http-kit';

export interface Fault {
  /** Wait this long before answering (then answer normally unless another fault is set). */
  delayMs?: number;
  /** Answer with this status and an HTML error page. */
  status?: number;
  /** Answer 200 with an HTML page where JSON was expected (a proxy's or portal's page). */
  html200?: boolean;
  /** 302 to this URL (relative ones are resolved against the server root). */
  redirectTo?: string;
  /** 200 with a JSON content type and a body that is not JSON. */
  malformedJson?: boolean;
  /** 200 with a JSON array this many bytes long. */
  hugeBodyBytes?: number;
  /** 200 with this value as a JSON body (say, a token that belongs to someone else). */
  json?: unknown;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Send this `Date` header with the fault's answer (a broken or hostile server's clock). */
  dateHeader?: string;
  /** Apply this many times, then stop (default: until cleared). */
  times?: number;
}

export interface FaultRule {
  match: string | RegExp;
  fault: Fault;
  used: number;
}

export function findFault(rules: FaultRule[], path: string): FaultRule | undefined {
  return rules.find((r) => {
    const hit =
      typeof r.match === 'string' ? path === r.match || path.startsWith(`${r.match}/`) : r.match.test(path);
    return hit && (r.fault.times === undefined || r.used < r.fault.times);
  });
}

/** Returns true when the fault answered the request itself. */
export async function applyFault(ctx: Ctx, rule: FaultRule): Promise<boolean> {
  rule.used += 1;
  const { fault } = rule;
  // A caller that gives up does not stop the server: the request is handled all the same.
  if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
  const date = fault.dateHeader ?? new Date(ctx.state.now()).toUTCString();
  if (fault.drop) {
    ctx.req.socket.destroy();
    return true;
  }
  if (fault.redirectTo) {
    const location = /^https?:/.test(fault.redirectTo) ? fault.redirectTo : ctx.base + fault.redirectTo;
    ctx.res.writeHead(302, { Location: location, Date: date });
    ctx.res.end();
    return true;
  }
  if (fault.status) {
    ctx.res.writeHead(fault.status, { 'Content-Type': 'text/html;charset=UTF-8', Date: date });
    ctx.res.end(`<html><body><h1>HTTP Status ${fault.status}</h1><h3>Injected fault</h3></body></html>`);
    return true;
  }
  if (fault.html200) {
    ctx.res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8', Date: date });
    ctx.res.end(
      '<!doctype html><html><body><h1>Maintenance</h1><img src=x onerror="alert(1)"></body></html>',
    );
    return true;
  }
  if (fault.json !== undefined) {
    ctx.res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', Date: date });
    ctx.res.end(JSON.stringify(fault.json));
    return true;
  }
  if (fault.malformedJson) {
    ctx.res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', Date: date });
    ctx.res.end('[{"id": 1, "alias": ');
    return true;
  }
  if (fault.hugeBodyBytes) {
    ctx.res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', Date: date });
    const chunk = `${'"x",'.repeat(16 * 1024)}`;
    ctx.res.write('[');
    for (let sent = 0; sent < fault.hugeBodyBytes && !ctx.res.destroyed; sent += chunk.length) {
      if (!ctx.res.write(chunk)) await drainedOrClosed(ctx);
    }
    ctx.res.end('"x"]');
    return true;
  }
  return false;
}

function drainedOrClosed(ctx: Ctx): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      ctx.res.off('drain', done);
      ctx.res.off('close', done);
      resolve();
    };
    ctx.res.once('drain', done);
    ctx.res.once('close', done);
  });
}
