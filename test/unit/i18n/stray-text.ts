/**
 * Finds user-facing text in page code that does not come from the message catalogue: JSX text with
 * letters, string literals in text attributes (`aria-label`, `title`, `placeholder`, `alt`, `label`),
 * in text properties (`text:`, `label:`, `question:` ...) and text-producing calls (`setStatus`,
 * `new Error`), and anywhere a literal reads like a sentence (two words).
 *
 * It parses with the oxc parser vite exports (`parseSync`), in process: TypeScript 7's API drives its
 * native compiler in a child process, which unit tests do not start.
 */
import { parseSync } from 'vite';

export interface Stray {
  /** 1-based line of the text. */
  line: number;
  text: string;
}

/** Attributes whose value is read to the user. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Attributes that are never text: classes, test ids, roles, MIME types. */
const CODE_ATTRIBUTES =
  /^(class|className|data-.*|key|id|role|rel|type|accept|target|href|src|dateTime|aria-controls|aria-labelledby|aria-describedby|aria-haspopup)$/;
/** Object properties whose value is shown as text. */
const TEXT_PROPERTIES = new Set([
  'text',
  'label',
  'title',
  'question',
  'error',
  'message',
  'note',
  'warning',
  'heading',
  'placeholder',
]);
/** Calls whose arguments are shown (or thrown to be shown) as text. */
const TEXT_CALLS = new Set(['setStatus', 'setFailure', 'setError', 'setMessage', 'announce', 'Error']);
/** Calls that take a message id and the values put into it. */
const ID_CALLS = new Set(['t', 'msg', 'plural', 'word']);
/** Calls whose arguments are code: selectors, element names. */
const CODE_CALLS = new Set([
  'querySelector',
  'querySelectorAll',
  'matches',
  'closest',
  'createElement',
  'getElementById',
  'Symbol',
]);

const LETTER = /\p{L}/u;
/** Two words in a row (a template's `${...}`, `#` here, counts as a word): a sentence, not an identifier. */
const SENTENCE = /\p{L}{2,}[,:;.?!…]*\s+[\p{L}(#]|[\p{L}#][,:;.?!…]*\s+\p{L}{2,}/u;

type Context = 'text' | 'code' | 'skip';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && !callee.computed && isNode(callee.property))
    return callee.property.name as string;
  return undefined;
}

function propertyName(key: unknown): string | undefined {
  if (!isNode(key)) return undefined;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function attributeName(name: unknown): string {
  if (!isNode(name)) return '';
  if (name.type === 'JSXIdentifier') return name.name as string;
  if (name.type === 'JSXNamespacedName' && isNode(name.namespace) && isNode(name.name))
    return `${name.namespace.name}:${name.name.name}`;
  return '';
}

/**
 * The strays in one file. `allowed` holds the exact texts that are not words (symbols, Set-Cookie
 * syntax); `isId` tells a message id (a literal naming a catalogue key) from text.
 */
export function findStrays(
  file: string,
  source: string,
  allowed: ReadonlySet<string>,
  isId: (text: string) => boolean,
): Stray[] {
  const parsed = parseSync(file, source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  const strays: Stray[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;

  const check = (text: string, at: number, context: Context, placeholders = false) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(trimmed) || allowed.has(trimmed) || (!placeholders && isId(trimmed))) return;
    if (context === 'text' || SENTENCE.test(trimmed)) strays.push({ line: lineOf(at), text: trimmed });
  };

  const visit = (value: unknown, context: Context): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, context);
      return;
    }
    if (!isNode(value) || context === 'skip') return;
    const node = value;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ImportExpression':
      case 'TSImportType':
        return;
      case 'ExportNamedDeclaration':
        visit(node.declaration, context);
        return;
      case 'JSXText':
        check(node.value as string, node.start, 'text');
        return;
      case 'JSXAttribute': {
        const name = attributeName(node.name);
        if (CODE_ATTRIBUTES.test(name)) return;
        visit(node.value, TEXT_ATTRIBUTES.has(name) ? 'text' : 'code');
        return;
      }
      case 'JSXElement':
      case 'JSXFragment':
        visit(node.openingElement, 'code');
        // Children are text: JSX text, and any literal an expression puts between tags.
        visit(node.children, 'text');
        return;
      case 'JSXOpeningElement':
        visit(node.attributes, 'code');
        return;
      case 'Literal':
        if (typeof node.value === 'string') check(node.value, node.start, context);
        return;
      case 'TemplateLiteral': {
        const quasis = (node.quasis as Node[]).map((q) => (q.value as { cooked?: string; raw: string }).cooked ?? '');
        check(quasis.join('#'), node.start, context, (node.expressions as Node[]).length > 0);
        visit(node.expressions, context === 'text' ? 'text' : 'code');
        return;
      }
      case 'TaggedTemplateExpression':
        return;
      case 'CallExpression':
      case 'NewExpression': {
        const name = isNode(node.callee) ? calleeName(node.callee) : undefined;
        const args = node.arguments as Node[];
        visit(node.callee, 'code');
        if (name && ID_CALLS.has(name)) {
          // The id, then the values put into the message: names, numbers, Set-Cookie syntax (`Expires 1970`).
          for (const arg of args.slice(1)) {
            if (arg.type === 'TemplateLiteral') visit(arg.expressions, 'code');
            else if (arg.type !== 'Literal') visit(arg, 'code');
          }
          return;
        }
        if (name && CODE_CALLS.has(name)) return;
        visit(args, name && TEXT_CALLS.has(name) ? 'text' : 'code');
        return;
      }
      case 'BinaryExpression': {
        // `view === 'log'`: a value compared, not shown.
        const compares = ['===', '!==', '==', '!=', 'in', 'instanceof'].includes(node.operator as string);
        for (const side of [node.left, node.right])
          if (!(compares && isNode(side) && side.type === 'Literal')) visit(side, context);
        return;
      }
      case 'SwitchCase':
        visit(node.consequent, 'code');
        return;
      case 'MemberExpression':
        visit(node.object, 'code');
        if (node.computed) visit(node.property, 'code');
        return;
      case 'Property': {
        if (node.computed) visit(node.key, 'code');
        const name = node.computed ? undefined : propertyName(node.key);
        visit(node.value, name && TEXT_PROPERTIES.has(name) ? 'text' : 'code');
        return;
      }
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
        visit(node.expression, context);
        return;
      case 'ExpressionStatement':
      case 'VariableDeclarator':
      case 'ReturnStatement':
      case 'ArrowFunctionExpression':
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'BlockStatement':
        // Code inside a text expression (a `.map` callback) is code again until it reaches JSX or text.
        for (const [key, v] of Object.entries(node))
          if (key !== 'type' && !key.startsWith('TS'))
            visit(v, context === 'text' && node.type === 'ReturnStatement' ? 'text' : 'code');
        return;
      default:
        if (node.type.startsWith('TS')) return; // types: string literal types are not text
        for (const [key, v] of Object.entries(node)) if (key !== 'type') visit(v, context);
    }
  };
  visit(parsed.program, 'code');
  return strays;
}
