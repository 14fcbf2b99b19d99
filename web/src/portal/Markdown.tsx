import type { Inline } from './markdown';
import { parseMarkdown } from './markdown';

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'bold' ? (
          <strong key={i}>{p.text}</strong>
        ) : p.kind === 'link' ? (
          <a key={i} href={p.href} {...(p.href.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** An article body: the safe Markdown subset rendered as React text (never as HTML). */
export function Markdown({ body }: { body: string }) {
  return (
    <div className="tb-article-body">
      {parseMarkdown(body).map((b, i) => {
        if (b.kind === 'heading') {
          const H = `h${b.level}` as 'h2' | 'h3' | 'h4';
          return (
            <H key={i}>
              <Inlines parts={b.content} />
            </H>
          );
        }
        if (b.kind === 'list') {
          const L = b.ordered ? 'ol' : 'ul';
          return (
            <L key={i}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <Inlines parts={item} />
                </li>
              ))}
            </L>
          );
        }
        return (
          <p key={i}>
            {b.lines.map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                <Inlines parts={line} />
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
