// Photos a resident attaches to a report (report.html): checked in the browser for count, size
// and type, uploaded one by one when the report is sent, and passed on as references.
import { postMultipart } from './api.js';
import { el, replaceChildren } from './dom.js';

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The photo input and its preview list; the server checks the content again. */
export class PhotoPicker {
  constructor(input, list) {
    this.input = input;
    this.list = list;
    this.previews = [];
    this.uploaded = null;
    input.addEventListener('change', () => this.showPreviews());
  }

  files() {
    return Array.from(this.input.files ?? []);
  }

  /** Returns a Chinese message about the first photo that cannot be sent, or null. */
  problem() {
    const files = this.files();
    if (files.length > MAX_PHOTOS) {
      return `最多上传 ${MAX_PHOTOS} 张照片，已选择 ${files.length} 张。`;
    }
    for (const file of files) {
      if (!PHOTO_TYPES.has(file.type)) {
        return `“${file.name}”不是 JPEG、PNG 或 WebP 图片。`;
      }
      if (file.size > MAX_PHOTO_BYTES) {
        return `“${file.name}”超过 5 MB，请压缩后再上传。`;
      }
    }
    return null;
  }

  /**
   * Uploads every chosen photo and returns their references, in the order chosen. A second
   * call for the same choice returns the same references, so a retried report stays identical.
   */
  async upload() {
    if (this.uploaded) {
      return this.uploaded;
    }
    const refs = [];
    for (const file of this.files()) {
      const form = new FormData();
      form.append('file', file);
      const uploaded = await postMultipart('/api/v1/photos', form);
      refs.push(uploaded.ref);
    }
    this.uploaded = refs;
    return refs;
  }

  clear() {
    this.input.value = '';
    this.showPreviews();
  }

  showPreviews() {
    this.uploaded = null;
    this.previews.forEach((url) => URL.revokeObjectURL(url));
    this.previews = this.files().slice(0, MAX_PHOTOS).map((file) => URL.createObjectURL(file));
    replaceChildren(this.list, this.previews.map((url, index) =>
      el('li', {}, el('img', { src: url, alt: `照片 ${index + 1}` }))));
  }
}
