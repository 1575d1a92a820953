// The thr grammar. It has no actions: the interpreter's AstBuilder turns the parse tree into
// immutable AST records, and the parse tree never leaves the interpreter's syntax package.
//
// Statements end at a newline or ';'. Newlines inside ( ) and [ ], and after a token that
// cannot end a statement (a binary operator, ',', '=' ...), are dropped before the parser sees
// them (dev.thr.syntax.NewlineFilter), so the parser only meets the newlines that matter.
grammar Thr;

program
    : sep* (statement (sep+ statement)*)? sep* EOF
    ;

// The body of an interpolation hole in a string: `"{expr}"`.
exprOnly
    : expr EOF
    ;

block
    : '{' sep* (statement (sep+ statement)*)? sep* '}'
    ;

sep : NL | ';' ;

statement
    : 'fn' name=NAME '(' params? ')' block                              # fnDecl
    | 'if' cond+=expr body+=block
        (NL* 'elif' cond+=expr body+=block)* (NL* 'else' orElse=block)? # ifStmt
    | 'while' cond=expr body=block                                      # whileStmt
    | 'for' loopTargets 'in' iter=expr body=block                       # forStmt
    | 'try' body=block (NL* catchClause)* (NL* 'finally' fin=block)?    # tryStmt
    | 'with' subject=expr body=block                                    # withStmt
    | 'return' value=expr?                                              # returnStmt
    | 'break'                                                           # breakStmt
    | 'continue'                                                        # continueStmt
    | 'raise' value=expr?                                               # raiseStmt
    | 'assert' cond=expr (',' message=expr)?                            # assertStmt
    | 'print' '(' arguments? ')'                                        # printCall
    | 'print' (expr (',' expr)*)?                                       # printStmt
    | 'sleep' seconds=expr                                              # sleepStmt
    | 'join' expr (',' expr)*                                           # joinStmt
    | 'global' NAME (',' NAME)*                                         # globalStmt
    | 'nonlocal' NAME (',' NAME)*                                       # nonlocalStmt
    | 'del' targets                                                     # delStmt
    | targets op=('=' | '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '&=' | '|=' | '^=')
        expr (',' expr)*                                                # assignStmt
    | expr                                                              # exprStmt
    ;

// `catch e { }` binds any error to e; `catch ValueError | KeyError e { }` only those kinds;
// `catch ValueError { }` those kinds, unbound. A lone lowercase name is a binding (AstBuilder).
catchClause
    : 'catch' (kinds+=NAME ('|' kinds+=NAME)*)? binding=NAME? body=block
    ;

targets : expr (',' expr)* ;

// What `for` binds: names, `a[i]`, `x.y`: no operator, so that the `in` after them is
// never read as the operator `x in xs`. (<p=15> starts expr at the precedence of its postfix
// operators: call, index, slice, member. Without it ANTLR's fast SLL prediction took the `in`,
// failed at the `{`, and every program with a loop was parsed twice.)
loopTargets : expr<p=15> (',' expr<p=15>)* ;

// `fn f(a, b=1, *rest, c, **named)`: rest gathers extra positional arguments into a list,
// named the unknown named ones into a map; parameters after *rest are named-only, as they are
// after a bare `*` (`fn f(a, *, c)`), which takes no extra arguments.
params : param (',' param)* ','? ;
param  : star='*' | star=('*' | '**')? name=NAME ('=' value=expr)? ;

// `f(a, *xs, k=1, **m)`: *xs spreads a list (any iterable) into positional arguments, **m a
// map into named ones.
arguments : argument (',' argument)* ','? ;
argument  : star=('*' | '**') value=expr | (name=NAME '=')? value=expr ;

expr
    : primary                                                   # primaryExpr
    | callee=expr '(' arguments? ')'                            # callExpr
    | target=expr '[' index=expr ']'                            # indexExpr
    | target=expr '[' lo=expr? ':' hi=expr? (':' step=expr?)? ']' # sliceExpr
    | target=expr '.' member                                    # memberExpr
    | 'spawn' body=block                                        # spawnBlock
    | 'spawn' call=expr                                         # spawnExpr
    | <assoc=right> left=expr op='**' right=expr                # binaryExpr
    | op=('-' | '+') operand=expr                               # unaryExpr
    | left=expr op=('*' | '/' | '//' | '%') right=expr          # binaryExpr
    | left=expr op=('+' | '-') right=expr                       # binaryExpr
    | left=expr op='&' right=expr                               # binaryExpr
    | left=expr op='^' right=expr                               # binaryExpr
    | left=expr op='|' right=expr                               # binaryExpr
    // comparisons, one level as in Python, and they chain: a < b < c, `x is not nil`, `x not in xs`
    | left=expr (op=('<' | '<=' | '>' | '>=' | '==' | '!=') | op='is' isNot='not'? | not='not'? op='in') right=expr # binaryExpr
    | op='not' operand=expr                                     # unaryExpr
    | left=expr op='and' right=expr                             # logicalExpr
    | left=expr op='or' right=expr                              # logicalExpr
    | <assoc=right> then=expr 'if' cond=expr 'else' orElse=expr # conditionalExpr
    ;

primary
    : INT                                                       # intLit
    | FLOAT                                                     # floatLit
    | STRING                                                    # stringLit
    | 'true'                                                    # trueLit
    | 'false'                                                   # falseLit
    | 'nil'                                                     # nilLit
    | NAME                                                      # nameRef
    | '(' expr ')'                                              # parens
    | '[' element=expr compFor+ ']'                             # listComp
    | '[' (expr (',' expr)* ','?)? ']'                          # listLit
    | '{' NL* mapEntry (NL* compFor)+ NL* '}'                   # mapComp
    | '{' NL* element=expr (NL* compFor)+ NL* '}'               # setComp
    | '{' NL* (mapEntry NL* (',' NL* mapEntry NL*)* (',' NL*)?)? '}' # mapLit
    | '{' NL* expr NL* (',' NL* expr NL*)* (',' NL*)? '}'       # setLit
    | 'fn' '(' params? ')' ( '=>' arrow=expr | body=block )     # lambda
    ;

mapEntry : key=expr ':' value=expr ;

// `for x in xs if x > 0`: one clause of a comprehension; later clauses nest inside earlier ones.
compFor : 'for' loopTargets 'in' iter=expr (NL* 'if' filters+=expr)* ;

// After a dot any word is a member name, keywords included: `q.join()`, `", ".join(xs)`.
member
    : NAME | 'join' | 'sleep' | 'print' | 'spawn' | 'with' | 'in' | 'not' | 'and' | 'or' | 'if'
    | 'else' | 'elif' | 'while' | 'for' | 'fn' | 'return' | 'break' | 'continue' | 'try' | 'catch'
    | 'finally' | 'raise' | 'assert' | 'global' | 'nonlocal' | 'true' | 'false' | 'nil' | 'del' | 'is'
    ;

// ---- lexer ----

NL      : '\r'? '\n' ;
WS      : [ \t\f]+ -> channel(HIDDEN) ;
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
// A backslash at the end of a line joins it to the next one.
LINE_JOIN : '\\' '\r'? '\n' -> channel(HIDDEN) ;

FLOAT
    : DIGITS '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;
INT
    : DIGITS
    | '0' [xX] [0-9a-fA-F] [0-9a-fA-F_]*
    | '0' [bB] [01] [01_]*
    ;
fragment DIGITS   : [0-9] [0-9_]* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

// Both quote styles interpolate `{expr}` and `{expr:spec}`; inside the braces the other quote
// style may be used for nested strings.
STRING
    : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"'
    | '\'' ( '\\' ~[\r\n] | ~['\\\r\n] )* '\''
    ;
// An unterminated string is one token, so the error points at its start and says what is wrong.
UNTERMINATED_STRING
    : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )*
    | '\'' ( '\\' ~[\r\n] | ~['\\\r\n] )*
    ;

NAME : [a-zA-Z_] [a-zA-Z_0-9]* ;

// Anything else is a token of its own, so the parser reports it with a position.
UNKNOWN_CHAR : . ;
