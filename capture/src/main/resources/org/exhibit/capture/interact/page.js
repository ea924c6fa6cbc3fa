// Exhibit's interaction pass, run in the page: arguments[0] is what to do ("find" or "walls"), arguments[1] the
// reasons to look for (consent, age-gate, load-more). It reads the page and changes nothing.
const task = arguments[0];
const reasons = arguments[1] || [];

const CONSENT_SELECTORS = [
  '#onetrust-accept-btn-handler',
  '#accept-recommended-btn-handler',
  '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll',
  '#CybotCookiebotDialogBodyButtonAccept',
  '.qc-cmp2-summary-buttons button[mode=primary]',
  '#didomi-notice-agree-button',
  '[data-testid=uc-accept-all-button]',
  '#uc-btn-accept-banner',
  '.fc-cta-consent',
  '#truste-consent-button',
  '.osano-cm-accept-all',
  '.cky-btn-accept',
  '#axeptio_btn_acceptAll',
  '.iubenda-cs-accept-btn',
  '#hs-eu-confirmation-button',
  '[data-cookiefirst-action=accept]',
  '.cc-window .cc-allow',
  '.cc-window .cc-dismiss',
  '.klaro .cm-btn-accept-all',
  '#cookie_action_close_header'
];
const CONSENT_WORDS = /^(accept|accept all|accept all cookies|accept cookies|allow|allow all|allow all cookies|agree|i agree|agree and close|agree & close|ok|okay|got it|alle akzeptieren|akzeptieren|alle cookies akzeptieren|zustimmen|einverstanden|tout accepter|accepter|j'accepte|accepter et fermer|aceptar|aceptar todo|aceptar todas|accetta|accetta tutti|accetto|accepteren|alles accepteren|aceitar|aceitar todos|zaakceptuj|akceptuję|godta|acceptera|hyväksy)$/i;
const AGE_WORDS = /^(yes|enter|i am 18|i'm 18|i am over 18|i'm over 18|i am 18 or older|i'm 18 or older|i am 18\+|i'm 18\+|18\+|i am 21|i'm 21|i am over 21|i am 21 or older|21\+|i am an adult|i'm an adult|i am of legal age|yes, i am 18|yes, i'm 18|enter site|enter the site|yes, enter|continue|ja|oui|sí|si|entrer|eintreten|ich bin 18|ich bin über 18)\b/i;
const AGE_TEXT = /\b(18|21)\s*\+|\b(over|at least|older than|of)\s+(18|21)\b|\b(18|21)\s+(years|or older|and over)|\bage\b|\badult|\bmature\b|\bvolljährig|\bâge\b|\bmajeur|\bedad\b/i;
const LOAD_MORE_WORDS = /^(load more|show more|see more|view more|more posts|more comments|show comments|view comments|load comments|view all comments|show all comments|show more comments|load more comments|view more comments|show replies|view replies|more replies|show more replies|mehr laden|mehr anzeigen|voir plus|afficher plus|cargar más|ver más|mostra altro|carica altri)\b/i;
const CONTROLS = 'button, a, [role=button], input[type=button], input[type=submit], summary';
const LOGIN_TEXT = /\b(log ?in|sign ?in|log on|logged in|signed in)\b[^.\n]{0,30}?\b(to|in order to)\s+(see|view|continue|read|watch|access)\b|\bcreate an account to\s+(see|view|continue|read|watch)\b/i;

// the document and every open shadow root in it (consent platforms such as Usercentrics draw in one)
function roots() {
  const out = [document];
  for (let i = 0; i < out.length; i++) {
    for (const el of out[i].querySelectorAll('*')) {
      if (el.shadowRoot) out.push(el.shadowRoot);
    }
  }
  return out;
}
function all(selector) {
  return roots().flatMap(r => [...r.querySelectorAll(selector)]);
}
// a link that would take the browser to another page
function leaves(el) {
  const href = el.localName === 'a' ? el.getAttribute('href') : null;
  return href !== null && href !== '' && !/^(#|javascript:)/i.test(href);
}
function up(e) {
  return e.parentElement || (e.parentNode && e.parentNode.host) || null;
}
function visible(el) {
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false;
  for (let a = el; a && a.nodeType === 1; a = up(a)) {
    const s = getComputedStyle(a);
    if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
  }
  return true;
}
function anywhereVisible(el) {
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  for (let a = el; a && a.nodeType === 1; a = up(a)) {
    const s = getComputedStyle(a);
    if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
  }
  return true;
}
// a CSS selector path from the nearest ancestor with an id; " >>> " crosses into a shadow root
function path(el) {
  const root = el.getRootNode();
  const prefix = root instanceof ShadowRoot ? path(root.host) + ' >>> ' : '';
  return prefix + localPath(el);
}
function localPath(el) {
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
    let p = e.localName;
    if (e.id) {
      parts.unshift(p + '#' + CSS.escape(e.id));
      break;
    }
    p += [...e.classList].slice(0, 2).map(c => '.' + CSS.escape(c)).join('');
    const same = e.parentElement ? [...e.parentElement.children].filter(c => c.localName === e.localName) : [];
    if (same.length > 1) p += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
    parts.unshift(p);
  }
  return parts.join(' > ');
}
function label(el) {
  const t = el.innerText || el.value || el.getAttribute('aria-label') || el.getAttribute('title') || '';
  return t.replace(/\s+/g, ' ').trim();
}
function names(el) {
  return (el.id + ' ' + (typeof el.className === 'string' ? el.className : '')).toLowerCase();
}
function coversViewport(el, share) {
  const r = el.getBoundingClientRect();
  const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
  const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
  return w * h >= share * innerWidth * innerHeight;
}
// the nearest ancestor that looks like a banner, dialog or overlay
function overlay(el) {
  for (let a = el; a && a !== document.body && a !== document.documentElement; a = up(a)) {
    const s = getComputedStyle(a);
    if (s.position === 'fixed' || s.position === 'sticky' || a.getAttribute('role') === 'dialog'
        || a.getAttribute('role') === 'alertdialog' || a.getAttribute('aria-modal') === 'true'
        || a.localName === 'dialog' || /cookie|consent|gdpr|cmp|modal|overlay|popup|agegate|age-gate|age_gate|age-verif|interstitial/.test(names(a))) {
      return a;
    }
  }
  return null;
}
function found(reason, el) {
  return {reason: reason, selector: path(el), text: label(el).slice(0, 200), element: el};
}
function consent() {
  for (const sel of CONSENT_SELECTORS) {
    for (const el of all(sel)) {
      if (visible(el)) return found('consent', el);
    }
  }
  for (const el of all(CONTROLS)) {
    if (!CONSENT_WORDS.test(label(el)) || leaves(el) || !visible(el)) continue;
    const box = overlay(el);
    if (box && !AGE_TEXT.test(box.innerText)) return found('consent', el);
  }
  return null;
}
function ageGate() {
  for (const el of all(CONTROLS)) {
    if (!AGE_WORDS.test(label(el)) || !visible(el)) continue;
    const box = overlay(el);
    if (box && AGE_TEXT.test(box.innerText)) return found('age-gate', el);
  }
  return null;
}
function loadMore() {
  for (const el of all(CONTROLS)) {
    if (el.disabled || el.getAttribute('aria-disabled') === 'true' || leaves(el)) continue;
    if (LOAD_MORE_WORDS.test(label(el)) && anywhereVisible(el)) return found('load-more', el);
  }
  return null;
}
function walls() {
  const out = [];
  const gate = ageGate();
  if (gate) out.push('age gate not passed: "' + gate.text + '" at ' + gate.selector);
  const text = document.body ? document.body.innerText : '';
  const login = LOGIN_TEXT.exec(text);
  if (login) {
    out.push('login wall: the page says "' + login[0].replace(/\s+/g, ' ').trim() + '"');
  } else {
    const pw = [...document.querySelectorAll('input[type=password]')].find(visible);
    if (pw && text.replace(/\s+/g, ' ').length < 1500) out.push('login wall: a password field at ' + path(pw) + ' and little else');
  }
  if (!gate) {
    const seen = new Set();
    for (const [x, y] of [[0.5, 0.5], [0.25, 0.3], [0.75, 0.7]]) {
      for (const el of document.elementsFromPoint(innerWidth * x, innerHeight * y)) {
        if (seen.has(el) || el === document.body || el === document.documentElement) continue;
        seen.add(el);
        const s = getComputedStyle(el);
        if ((s.position === 'fixed' || s.position === 'absolute') && coversViewport(el, 0.6)
            && (el.getAttribute('role') === 'dialog' || el.getAttribute('aria-modal') === 'true' || el.localName === 'dialog'
                || /modal|overlay|wall|gate|popup|backdrop|login|signin|sign-in|consent|cookie|interstitial/.test(names(el)))) {
          out.push('an overlay covers most of the screen: ' + path(el)
              + (label(el) ? ' ("' + label(el).slice(0, 120) + '")' : ''));
          return out;
        }
      }
    }
  }
  return out;
}

if (task === 'walls') return walls();
for (const r of reasons) {
  const c = r === 'consent' ? consent() : r === 'age-gate' ? ageGate() : r === 'load-more' ? loadMore() : null;
  if (c) return c;
}
return null;
