/**
 * Inside `x.db.transaction(async (tx) => { … })`, every query must use `tx`. Using `x.db` there runs
 * outside the transaction: on PostgreSQL it escapes the rollback; on the embedded database (one
 * connection) it waits for the transaction to end, which never happens — a deadlock.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid using the outer database handle inside a transaction callback' },
    messages: { outer: 'Use the transaction ("{{tx}}") here, not "{{outer}}": the outer handle escapes the transaction (and deadlocks the embedded database).' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'transaction') {
          return;
        }
        const outer = source.getText(callee.object);
        if (!/(^|\.)db$/.test(outer)) {
          return;
        }
        const fn = node.arguments[0];
        if (fn === undefined || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) {
          return;
        }
        const tx = fn.params[0] !== undefined ? source.getText(fn.params[0]) : 'tx';
        const visit = (n) => {
          if (n === null || typeof n !== 'object') {
            return;
          }
          if (n.type === 'MemberExpression' && source.getText(n) === outer) {
            context.report({ node: n, messageId: 'outer', data: { tx, outer } });
            return;
          }
          for (const key of Object.keys(n)) {
            if (key === 'parent') {
              continue;
            }
            const child = n[key];
            if (Array.isArray(child)) {
              child.forEach(visit);
            } else if (child !== null && typeof child === 'object' && typeof child.type === 'string') {
              visit(child);
            }
          }
        };
        visit(fn.body);
      },
    };
  },
};
