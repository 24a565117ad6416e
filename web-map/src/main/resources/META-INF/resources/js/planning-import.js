// The import and export section of the planning page. An upload runs as a job on the server:
// the section shows its progress while polling, then the dry-run report (each feature's
// problems, drawn on the map) or the grids stored. Export downloads a unit's grids as a file.
import { ApiError } from './api.js';
import { el, replaceChildren } from './dom.js';
import * as planning from './planning-api.js';

const POLL_MILLISECONDS = 700;
const FORMAT_BY_EXTENSION = { geojson: 'geojson', json: 'geojson', csv: 'csv', kml: 'kml', gpkg: 'gpkg', zip: 'shp' };
const EXTENSION_BY_FORMAT = { geojson: 'geojson', csv: 'csv', kml: 'kml', gpkg: 'gpkg', shp: 'zip' };
const PHASE_TEXT = {
  queued: '排队中，前面还有其他导入……',
  reading: '正在读取文件……',
  storing: '检查通过，正在写入网格……',
};

/**
 * Runs uploads and downloads for the planning page. `run` wraps each action, so its error is
 * shown and the panel's buttons are disabled meanwhile. `showFindings` draws a
 * FeatureCollection of findings, `villageCode` returns the loaded village/community or null,
 * and `onCommitted` runs after grids were stored.
 */
export class ImportPanel {
  constructor({ importForm, exportForm, run, showFindings, showStatus, villageCode, onCommitted }) {
    this.form = importForm;
    this.exportForm = exportForm;
    this.run = run;
    this.showFindings = showFindings;
    this.showStatus = showStatus;
    this.villageCode = villageCode;
    this.onCommitted = onCommitted;
    this.commitButton = document.getElementById('import-commit');
    this.checked = false;

    const elements = this.form.elements;
    elements.file.addEventListener('change', () => {
      const extension = elements.file.files[0]?.name.split('.').pop().toLowerCase();
      if (FORMAT_BY_EXTENSION[extension]) {
        elements.format.value = FORMAT_BY_EXTENSION[extension];
      }
      this.forgetCheck();
    });
    elements.format.addEventListener('change', () => this.forgetCheck());
    elements.crs.addEventListener('change', () => {
      document.getElementById('import-epsg').hidden = elements.crs.value !== 'other';
      this.forgetCheck();
    });
    elements.epsg.addEventListener('input', () => this.forgetCheck());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.upload(false);
    });
    this.commitButton.addEventListener('click', () => this.upload(true));
    this.exportForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.download();
    });
  }

  /** Disables the commit, which is offered only after a clean dry run of the same file and settings. */
  forgetCheck() {
    this.checked = false;
    this.commitButton.disabled = true;
  }

  crs() {
    const { crs, epsg } = this.form.elements;
    return crs.value === 'other' ? `epsg:${epsg.value.trim()}` : crs.value;
  }

  async upload(commit) {
    const file = this.form.elements.file.files[0];
    if (!file) {
      return;
    }
    if (commit && !window.confirm(`确定导入“${file.name}”中的全部网格吗？任何一个网格未通过检查都不会导入。`)) {
      return;
    }
    await this.run(async () => {
      this.forgetCheck();
      document.getElementById('import-report').hidden = true;
      let job = await planning.submitImport(file, { format: this.form.elements.format.value, crs: this.crs(), commit });
      this.showProgress(job);
      try {
        while (job.state !== 'finished') {
          await new Promise((resolve) => { setTimeout(resolve, POLL_MILLISECONDS); });
          job = await planning.loadImportJob(job.id);
          this.showProgress(job);
        }
      } finally {
        document.getElementById('import-progress').hidden = true;
      }
      if (job.problem) {
        if (job.problem.features) {
          this.showReport({ features: job.problem.features, findings: job.problem.problems });
        }
        throw new ApiError(job.problem.status, job.problem);
      }
      this.showReport(job.report);
      if (job.report.committed) {
        this.showStatus(`已导入 ${job.report.created.length} 个网格：${job.report.created.join('、')}`);
        await this.onCommitted();
      } else {
        this.checked = job.report.valid;
        this.commitButton.disabled = !job.report.valid;
      }
    });
    // run() restores the buttons it disabled, so the commit button is set again afterwards.
    this.commitButton.disabled = !this.checked;
  }

  showProgress(job) {
    document.getElementById('import-progress').hidden = false;
    const bar = document.getElementById('import-bar');
    const checking = job.phase === 'checking' && job.featuresTotal;
    if (checking) {
      bar.value = Math.round((100 * job.featuresChecked) / job.featuresTotal);
    } else {
      bar.removeAttribute('value');
    }
    document.getElementById('import-phase').textContent = checking
      ? `已读取 ${job.featuresRead} 个网格，正在检查：${job.featuresChecked} / ${job.featuresTotal}`
      : PHASE_TEXT[job.phase] ?? '';
  }

  showReport(report) {
    const rejected = report.features.filter((feature) => !feature.accepted);
    const withProblems = report.features.filter((feature) => feature.problems.length > 0);
    document.getElementById('import-report').hidden = false;
    document.getElementById('import-summary').textContent = rejected.length
      ? `共 ${report.features.length} 个网格，${rejected.length} 个未通过检查，修改文件后重新检查。`
      : `共 ${report.features.length} 个网格，全部通过检查${report.committed ? '并已导入' : '，可以导入'}。`;
    this.showCrsNote(report);
    replaceChildren(document.getElementById('import-features'), withProblems.map((feature) => el('li', {
      className: `finding finding--${feature.accepted ? 'warning' : 'rejected'}`,
    }, `#${feature.index} ${feature.code ?? ''} ${feature.name ?? ''}：`,
    feature.problems.map((problem) => problem.message).join('；'))));
    this.showFindings(report.findings, '导入检查结果');
  }

  /** Says which coordinate system was used and offers the one a Shapefile's .prj file names. */
  showCrsNote(report) {
    const note = document.getElementById('import-crs');
    note.hidden = !report.fileCrs;
    if (!report.fileCrs) {
      return;
    }
    if (report.fileCrs === report.crs) {
      replaceChildren(note, `已按 .prj 文件的坐标系 ${report.fileCrs} 读取。`);
      return;
    }
    const switchCrs = el('button', { type: 'button', className: 'button button--small' }, `改用 ${report.fileCrs} 重新检查`);
    switchCrs.addEventListener('click', () => {
      const { crs, epsg } = this.form.elements;
      const listed = [...crs.options].some((option) => option.value === report.fileCrs);
      crs.value = listed ? report.fileCrs : 'other';
      epsg.value = listed ? '' : report.fileCrs.replace('epsg:', '');
      document.getElementById('import-epsg').hidden = listed;
      this.upload(false);
    });
    replaceChildren(note, `.prj 文件表明坐标系为 ${report.fileCrs}，本次按所选的 ${report.crs} 读取。`, ' ', switchCrs);
  }

  async download() {
    const village = this.villageCode();
    if (!village) {
      this.run(async () => {
        throw new Error('请先加载一个村（社区），再导出它或它所属镇街、区县的网格。');
      });
      return;
    }
    const { level, format, asOf } = this.exportForm.elements;
    const unit = { village, township: `${village.slice(0, 9)}000`, county: `${village.slice(0, 6)}000000` }[level.value];
    await this.run(async () => {
      const blob = await planning.exportGrids(unit, format.value, asOf.value);
      const link = el('a', {
        href: URL.createObjectURL(blob),
        download: `grids-${unit}${asOf.value ? `-${asOf.value}` : ''}.${EXTENSION_BY_FORMAT[format.value]}`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      this.showStatus(`已导出 ${unit} 的网格（${format.selectedOptions[0].textContent}）。`);
    });
  }
}
