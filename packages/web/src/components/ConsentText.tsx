/** The reading part of a consent form: introduction, sections and sources, as the clinic's template version has them. */
export interface ConsentContent {
  readonly intro: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
  readonly sources: readonly string[];
}

export function ConsentText({ content }: { content: ConsentContent }) {
  return (
    <>
      <p>{content.intro}</p>
      {content.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      <h2>Sources</h2>
      <ul className="sources">
        {content.sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </>
  );
}
