// A form control with its visible label, in the playground's two-column field layout.

export function labelled(text: string, control: HTMLElement & { id: string }): HTMLElement {
  const wrapper = Object.assign(document.createElement('div'), { className: 'playground__field' });
  wrapper.append(Object.assign(document.createElement('label'), { htmlFor: control.id, textContent: text }), control);
  return wrapper;
}
