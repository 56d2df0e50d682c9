import type { Catalogue } from '../i18n/types';

/** Faults of the workspace (issue 8): storage, tabs, engine crashes. Keys `ws.…`, zh-CN first. */
export const workspaceMessages: Catalogue = {
  'zh-CN': {
    'ws.storage.quota':
      '浏览器存储空间已满，工作区未能自动保存（{reason}）。当前的工作仍可继续，但关闭页面后会丢失：请下载工作区文件保存，或在浏览器设置中清理本站以外的存储空间。',
    'ws.storage.unavailable':
      '此浏览器不允许本页使用存储（例如无痕或隐私模式），工作区不会自动保存（{reason}）。当前的工作仍可继续，但关闭页面后会丢失：请下载工作区文件保存。',
    'ws.storage.download': '下载工作区文件',
    'ws.tab.follower':
      '此工作区已在另一个标签页中打开并正在编辑。本标签页只读，这里的更改不会保存；另一个标签页保存后，这里会随之更新。',
    'ws.tab.taken': '另一个标签页接管了此工作区的编辑。本标签页现在只读，这里的更改不会保存。',
    'ws.tab.take_over': '在此标签页编辑',
    'ws.tab.released': '另一个标签页已关闭，现在可以在本标签页编辑（已载入它最后保存的工作区）。',
    'ws.crash.recovering': '数据引擎崩溃了（{reason}），正在恢复上次的工作区…',
    'ws.crash.restarting': '正在重启数据引擎…',
    'ws.crash.recovered':
      '数据引擎崩溃了（{reason}），常见原因是文件太大、内存不足。已恢复到上次的工作区，崩溃时进行中的操作没有完成；请把大文件拆小后再导入。',
    'ws.crash.gave_up':
      '数据引擎反复崩溃（{reason}），已停止重启。工作区仍在内存中：请下载工作区文件保存，然后刷新页面。',
    'ws.crash.restore':
      '数据引擎在恢复上次的工作区时失败了（{reason}），常见原因是工作区太大、内存不足。工作区仍保存在浏览器中，没有改动：请下载工作区文件，在内存更大的电脑上打开，或拆小后重新导入。',
    'ws.dismiss': '知道了',
  },
  en: {
    'ws.storage.quota':
      'Browser storage is full, so the workspace was not saved automatically ({reason}). You can keep working, but it will be lost when the page closes: download the workspace file, or free storage in the browser settings.',
    'ws.storage.unavailable':
      'This browser does not let the page use storage (private mode, for instance), so the workspace is not saved automatically ({reason}). You can keep working, but it will be lost when the page closes: download the workspace file.',
    'ws.storage.download': 'Download the workspace file',
    'ws.tab.follower':
      'This workspace is open and being edited in another tab. This tab is read-only and changes made here are not saved; it follows the other tab\'s saves.',
    'ws.tab.taken': 'Another tab took over editing this workspace. This tab is now read-only; changes made here are not saved.',
    'ws.tab.take_over': 'Edit in this tab',
    'ws.tab.released': 'The other tab was closed: you can edit in this tab now (its last saved workspace is loaded).',
    'ws.crash.recovering': 'The data engine crashed ({reason}); restoring the last workspace…',
    'ws.crash.restarting': 'Restarting the data engine…',
    'ws.crash.recovered':
      'The data engine crashed ({reason}), usually because a file was too large for the memory available. The last workspace is restored; the operation under way did not finish. Split large files before importing them.',
    'ws.crash.gave_up':
      'The data engine kept crashing ({reason}) and was not restarted again. The workspace is still in memory: download the workspace file, then reload the page.',
    'ws.crash.restore':
      'The data engine failed while restoring the last workspace ({reason}), usually because the workspace is too large for the memory available. The workspace is still saved in this browser, unchanged: download the workspace file and open it on a computer with more memory, or import smaller files.',
    'ws.dismiss': 'OK',
  },
};
