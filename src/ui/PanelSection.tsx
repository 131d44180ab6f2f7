/**
 * A sidebar section: a heading the section is labelled by, an optional line of fine print under
 * it, then its content. The sections of the data tab share this frame.
 */
import type { ReactNode } from 'react';

export function PanelSection({ id, heading, hint, testId, children }: { id: string; heading: string; hint?: string; testId?: string; children: ReactNode }) {
  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h2 id={`${id}-heading`} className="section-heading">
        {heading}
      </h2>
      {hint && <p className="fine-print">{hint}</p>}
      {children}
    </section>
  );
}
