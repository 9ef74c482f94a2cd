import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface NotificationBannerProps {
  title?: ReactNode;
  heading?: ReactNode;
  children?: ReactNode;
  type?: 'success';
  id?: string;
}

export function NotificationBanner({
  title,
  heading,
  children,
  type,
  id = 'notification-banner',
}: NotificationBannerProps) {
  const titleId = `${id}-title`;
  const success = type === 'success';
  return (
    <div
      id={id}
      className={cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}
