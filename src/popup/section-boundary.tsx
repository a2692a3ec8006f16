import { Component, type ComponentChildren } from 'preact';
import type { Strings } from '../i18n/strings';
import { displayHost, serverName } from '../xnat/names';
import type { ServerSection } from './model';

interface Props {
  section: ServerSection;
  t: Strings;
  children: ComponentChildren;
}

/**
 * One server whose data cannot be drawn (a broken or hostile XNAT) loses its own section, with a
 * message, and never the popup: the other servers keep updating. A fresh list is drawn again.
 */
export class SectionBoundary extends Component<Props, { failedOn: ServerSection | null }> {
  override state = { failedOn: null as ServerSection | null };

  override componentDidCatch(): void {
    this.setState({ failedOn: this.props.section });
  }

  render({ section, t, children }: Props) {
    if (this.state.failedOn !== section) return children;
    const name = serverName(section.server);
    return (
      <section class="server" aria-label={`${name} ${displayHost(section.server)}`}>
        <p class="warning" role="alert">
          {t('popupSectionBroken', name)}
        </p>
      </section>
    );
  }
}
