import { html, type TemplateResult } from 'lit';
import { KdxElement } from '../shared/kdx-element.js';

// Placeholder while the widget is being written (replaced in the same series of commits).
export class KdxInitiativeCard extends KdxElement {
  protected renderReady(): TemplateResult {
    return html``;
  }
}
