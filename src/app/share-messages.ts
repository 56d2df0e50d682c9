import type { Catalogue } from '../i18n/types';

/** Sharing and exports (issue 6): keys `share.…` and `export.…`, zh-CN first. */
export const shareMessages: Catalogue = {
  'zh-CN': {
    'share.action': '导出为单个文件',
    'share.title': '导出为单个文件',
    'share.intro': '生成一个 .html 文件，内含本应用、数据引擎和当前工作区（数据、细则、设置、情景、笔记本和当前视图）。收件人双击即可在浏览器中离线打开，无需网络和服务器。',
    'share.read_only': '只读：隐藏导入、清空等编辑功能，收件人仍可筛选和调节假设',
    'share.export': '导出',
    'share.cancel': '取消',
    'share.working': '正在生成文件…',
    'share.done': '已生成 {file}（{size}）',
    'share.error.no_single_file': '无法导出：未找到单文件版本（kaohe.html）。请使用 npm run build 生成的应用。',
    'share.error.not_share': '“{file}”不是考核导出的单个文件。',
    'share.read_only_note': '只读视图：这是他人分享的考核结果。可以筛选和调节假设；如需继续编辑，请在考核中打开此文件。',
  },
  en: {
    'share.action': 'Export as one file',
    'share.title': 'Export as one file',
    'share.intro': 'Writes one .html file holding this app, the data engine and the workspace (data, rubric, settings, scenarios, notebook and the current view). The recipient double-clicks it and it opens in the browser offline, with no network and no server.',
    'share.read_only': 'Read-only: hide importing, clearing and other editing; the recipient can still filter and move the what-if inputs',
    'share.export': 'Export',
    'share.cancel': 'Cancel',
    'share.working': 'Writing the file…',
    'share.done': 'Wrote {file} ({size})',
    'share.error.no_single_file': 'Cannot export: the single-file build (kaohe.html) is missing. Use the app built by npm run build.',
    'share.error.not_share': '“{file}” is not a single file exported by kaohe.',
    'share.read_only_note': 'Read-only view: results shared with you. You can filter and move the what-if inputs; to edit, open this file in kaohe.',
  },
};
