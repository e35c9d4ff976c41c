// The component's own words, per language. The diagnostics' messages are made by the checker in
// Rust; these are only the frame around them (prefixes, the summary's count, the running total,
// the draft notice). Chinese first.

/** @type {Record<'zh' | 'en', Record<string, (...args: Array<string | number>) => string>>} */
export const WORDS = {
  zh: {
    htmlLang: () => 'zh-CN',
    error: () => '错误：',
    warning: () => '警告：',
    info: () => '提示：',
    titlePrefix: () => '错误：',
    summaryTitle: (n) => `发现 ${n} 处问题`,
    summaryHint: () => '请改正以下各项后再提交。点击一项可跳到对应的格子。',
    runningTotal: (sum) => `子项合计 ${sum}`,
    runningFilled: (filled, count) => `（已填 ${filled}/${count} 项）`,
    offer: (value) => `改为 ${value}`,
    offerHint: (value, text) => `改为 ${value}，替换“${text}”`,
    draftRestored: (when, n) => `已恢复 ${when} 保存在本浏览器中的草稿（${n} 项）。草稿只存在本机，不会发送。`,
    draftDiscard: () => '丢弃草稿',
    draftDiscarded: () => '已丢弃草稿，表格已恢复为页面原有内容。',
    draftFull: () => '本浏览器的存储空间已满，草稿无法保存。填写的内容仍在本页中，可以继续填写和提交；在提交前请不要关闭或刷新本页。',
    draftDenied: () => '本浏览器不允许保存草稿（存储被禁用）。填写的内容仍在本页中，可以继续填写和提交；在提交前请不要关闭或刷新本页。',
    draftSavedAgain: () => '草稿已重新保存在本浏览器中。',
    draftConflict: (when) =>
      `这份表格也在另一个标签页或窗口中打开，那里在 ${when} 保存了草稿。本页的修改尚未保存，以免覆盖那份草稿。请选择：`,
    draftOverwrite: () => '用本页内容覆盖那份草稿',
    draftLoadOther: () => '改用另一个标签页的草稿',
    draftOverwritten: (when) => `已用本页内容覆盖另一个标签页在 ${when} 保存的草稿。`,
    draftLoadedOther: (when) => `已载入另一个标签页在 ${when} 保存的草稿。`,
    print: () => '打印预览',
    previewLabel: () => '报告预览',
    uploadReading: (name) => `正在本浏览器中读取并检查“${name}”（文件不会上传到检查服务）……`,
    editorName: () => '正文',
    previousRead: (name, year, form) => `已读取上年度报告“${name}”（${year ? `${year} 年度，` : ''}${form} 年版统计表），用于年度间核对。`,
    previousAgrees: () => '与上年度报告核对：结转件数、现行有效件数等前后衔接。',
    editorReading: () => '正在检查正文中的统计表……',
    uploadClean: (name) => `“${name}”未发现问题`,
    uploadUnreadable: (name, why) => `“${name}”无法读取：${why}`,
    uploadUnavailable: (name) => `“${name}”暂时无法在页面中检查（读取模块未能加载）；不影响提交。`,
    uploadCoverage: (read, cells, open) =>
      `已读取 ${read}/${cells} 个有值的格子${open ? `；${open} 处因读取不完整未予核对` : ''}。`,
  },
  en: {
    htmlLang: () => 'en',
    error: () => 'Error: ',
    warning: () => 'Warning: ',
    info: () => 'Note: ',
    titlePrefix: () => 'Error: ',
    summaryTitle: (n) => (n === 1 ? 'There is 1 problem' : `There are ${n} problems`),
    summaryHint: () => 'Correct these before submitting. Select one to go to its cell.',
    runningTotal: (sum) => `Children total ${sum}`,
    runningFilled: (filled, count) => ` (${filled} of ${count} filled)`,
    offer: (value) => `Use ${value}`,
    offerHint: (value, text) => `Use ${value} instead of “${text}”`,
    draftRestored: (when, n) =>
      `Restored the draft saved in this browser at ${when} (${n} entries). Drafts stay on this computer and are never sent.`,
    draftDiscard: () => 'Discard draft',
    draftDiscarded: () => 'The draft was discarded and the form put back as the page gave it.',
    draftFull: () =>
      'This browser\'s storage is full, so the draft cannot be saved. Your entries are still in this page: you can go on and submit; do not close or reload the page before you submit.',
    draftDenied: () =>
      'This browser does not allow drafts to be saved (storage is disabled). Your entries are still in this page: you can go on and submit; do not close or reload the page before you submit.',
    draftSavedAgain: () => 'The draft is saved in this browser again.',
    draftConflict: (when) =>
      `This form is also open in another tab or window, which saved a draft at ${when}. This page's changes are not saved yet, so as not to overwrite that draft. Choose:`,
    draftOverwrite: () => 'Replace that draft with this page',
    draftLoadOther: () => 'Use the other tab\'s draft',
    draftOverwritten: (when) => `This page's entries replaced the draft another tab saved at ${when}.`,
    draftLoadedOther: (when) => `The draft another tab saved at ${when} was loaded.`,
    print: () => 'Print preview',
    previewLabel: () => 'Report preview',
    uploadReading: (name) => `Reading and checking “${name}” in this browser (the file is not sent anywhere for this)…`,
    editorName: () => 'the body',
    previousRead: (name, year, form) => `Last year's report “${name}” read (${year ? `${year}, ` : ''}${form} form), for the year-against-year checks.`,
    previousAgrees: () => 'Against last year\'s report: the applications carried over, the documents in force and the like agree.',
    editorReading: () => 'Checking the tables in the body…',
    uploadClean: (name) => `No problems found in “${name}”`,
    uploadUnreadable: (name, why) => `“${name}” cannot be read: ${why}`,
    uploadUnavailable: (name) => `“${name}” cannot be checked in the page now (the readers did not load); the upload is not held up.`,
    uploadCoverage: (read, cells, open) =>
      `${read} of ${cells} cells read with a value${open ? `; ${open} not checked because the reading was incomplete` : ''}.`,
  },
};

/** The words of one language. */
export function words(lang) {
  return WORDS[lang] ?? WORDS.zh;
}
