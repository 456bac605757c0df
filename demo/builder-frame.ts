/**
 * The iframe form's preview: embed.html in an iframe at the chosen width. The builder page loads the kdx
 * script, so the frame takes its content's height (the protocol of src/embed/frame-host.ts); that height, the
 * widget's real one at that width, is what the snippet writes.
 */
export class FramePreview {
  readonly frame = document.createElement('iframe');
  /** The last height the page's kdx script gave the frame (undefined until it did). */
  measured: number | undefined;
  private readonly observer: MutationObserver;

  /** `onHeight` is called with each height the frame takes. */
  constructor(container: HTMLElement, onHeight: (height: number) => void) {
    this.frame.height = '150';
    this.frame.className = 'frame-preview';
    this.observer = new MutationObserver(() => onHeight((this.measured = Number(this.frame.height))));
    this.observer.observe(this.frame, { attributes: true, attributeFilter: ['height'] });
    container.replaceChildren(this.frame);
  }

  /** Shows `url` at `width` px. A change of the fragment alone does not reload the page: it shows the new widget. */
  show(url: string, width: number, title: string): void {
    if (this.frame.title !== title) this.frame.title = title;
    if (this.frame.width !== String(width)) this.frame.width = String(width);
    if (this.frame.getAttribute('src') !== url) this.frame.src = url;
  }
}
