// Chinese display text for values the API returns as codes, numbers and timestamps.

// Times are shown in China Standard Time whatever the browser's own time zone is, so a
// deadline reads the same for a resident, a dispatcher and a test machine running in UTC.
const TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const shortDateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const URGENCY_NAMES = { ordinary: '一般', urgent: '紧急' };

const CHANNEL_NAMES = {
  app: '手机上报',
  phone: '电话',
  suggestion_box: '意见箱',
  grid_worker: '网格员上报',
  sensor: '感知设备',
};

const GRID_KIND_NAMES = { basic: '基础网格', dedicated: '专属网格' };

const HANDLING_LIMIT_UNITS = { hours: '小时', working_days: '个工作日' };

/** Formats an ISO-8601 timestamp as e.g. "2025年6月3日周二 16:30"; returns "—" for null. */
export function formatDateTime(iso) {
  const date = parseDate(iso);
  return date ? dateTimeFormat.format(date) : '—';
}

/** Formats an ISO-8601 timestamp as e.g. "6/3 16:30" for list rows. */
export function formatShortDateTime(iso) {
  const date = parseDate(iso);
  return date ? shortDateTimeFormat.format(date) : '—';
}

/**
 * Describes the time left until a deadline, e.g. "剩余 2 小时 5 分" or "已超期 1 天 3 小时".
 * Returns null when there is no deadline.
 */
export function describeTimeLeft(iso, now = new Date()) {
  const deadline = parseDate(iso);
  if (!deadline) {
    return null;
  }
  const minutes = Math.round((deadline.getTime() - now.getTime()) / 60000);
  const span = formatMinutes(Math.abs(minutes));
  return minutes >= 0 ? `剩余 ${span}` : `已超期 ${span}`;
}

/** Returns true when the deadline has passed. */
export function isOverdue(iso, now = new Date()) {
  const deadline = parseDate(iso);
  return deadline !== null && deadline.getTime() < now.getTime();
}

/** Formats a distance in metres as "850 米" or "1.2 千米". */
export function formatDistance(metres) {
  if (metres < 1000) {
    return `${Math.round(metres)} 米`;
  }
  return `${(metres / 1000).toFixed(1)} 千米`;
}

/** Formats a longitude and latitude with six decimals (about 0.1 m). */
export function formatLonLat(lon, lat) {
  return `经度 ${lon.toFixed(6)}，纬度 ${lat.toFixed(6)}`;
}

export function urgencyName(code) {
  return URGENCY_NAMES[code] ?? code;
}

export function channelName(code) {
  return CHANNEL_NAMES[code] ?? code;
}

/** Names a grid's kind, adding the dedicated type: "基础网格" or "专属网格（学校）". */
export function gridKindName(grid) {
  const kind = GRID_KIND_NAMES[grid.kind] ?? grid.kind;
  return grid.dedicatedTypeName ? `${kind}（${grid.dedicatedTypeName}）` : kind;
}

/**
 * Formats a matter category's handling time limit as "限时 2 个工作日" or "限时 24 小时".
 * Returns null when the category has no limit (older servers leave the fields out) or one
 * in a unit other than 'hours' and 'working_days'.
 */
export function handlingLimitText({ handlingLimit, handlingLimitUnit }) {
  if (!Number.isInteger(handlingLimit) || handlingLimit <= 0) {
    return null;
  }
  const unit = HANDLING_LIMIT_UNITS[handlingLimitUnit];
  return unit ? `限时 ${handlingLimit} ${unit}` : null;
}

/** Formats a grid as "name（code）". */
export function gridLabel(grid) {
  return `${grid.name}（${grid.code}）`;
}

function parseDate(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatMinutes(totalMinutes) {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;

  if (days > 0) {
    return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  }
  if (hours > 0) {
    return minutes > 0 ? `${hours} 小时 ${minutes} 分` : `${hours} 小时`;
  }
  return `${minutes} 分`;
}
